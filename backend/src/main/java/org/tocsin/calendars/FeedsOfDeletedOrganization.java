package org.tocsin.calendars;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tocsin.calendars.internal.CalendarStore;
import org.tocsin.organizations.OrganizationErasure;
import reactor.core.publisher.Mono;

/** A deleted organization's members' private feed addresses: they answer 404 from now on. */
@Component
@Order(OrganizationErasure.Order.OWN)
class FeedsOfDeletedOrganization implements OrganizationErasure {

    private final CalendarStore store;

    FeedsOfDeletedOrganization(CalendarStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return "memberFeeds";
    }

    @Override
    public Mono<Long> count(String organizationId) {
        return store.countFeedTokensOf(organizationId);
    }

    @Override
    public Mono<Long> erase(String organizationId) {
        return store.deleteFeedTokensOf(organizationId);
    }
}
