package org.tocsin.calendars;

import org.springframework.stereotype.Component;
import org.tocsin.accounts.HeldCredentials;
import reactor.core.publisher.Mono;

/** A password change revokes the person's members-only feed addresses, in every organization. */
@Component
class OrganizationFeedCredentials implements HeldCredentials {

    private final CalendarService calendars;

    OrganizationFeedCredentials(CalendarService calendars) {
        this.calendars = calendars;
    }

    @Override
    public String kind() {
        return "organizationFeeds";
    }

    @Override
    public Mono<Long> revokeAll(String userId) {
        return calendars.revokeAllTokens(userId);
    }
}
