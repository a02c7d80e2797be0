package org.tocsin.calendars;

import org.springframework.stereotype.Component;
import org.tocsin.events.FeedSelection;
import org.tocsin.organizations.OrganizationRef;
import reactor.core.publisher.Mono;

/**
 * Every calendar behind a capability URL ({@code /feeds/private/{token}.ics}): a member's feed of an
 * organization, or a person's own RSVPs. The token's prefix says which it is, so exactly one kind of
 * token is looked up, never one feature's tokens and then another's.
 */
@Component
public class PrivateCalendars {

    /** What a private calendar's token opens. */
    public sealed interface PrivateCalendar {}

    /** All of one organization's events, members-only ones included. */
    public record Members(OrganizationRef organization) implements PrivateCalendar {}

    /**
     * The events one person RSVPed to.
     *
     * @param key stable per person and content, for the feed's cache validator
     */
    public record Personal(String key, FeedSelection selection) implements PrivateCalendar {}

    private final CalendarService calendars;
    private final PersonalCalendars personal;

    PrivateCalendars(CalendarService calendars, PersonalCalendars personal) {
        this.calendars = calendars;
        this.personal = personal;
    }

    /** Empty when the token opens nothing (unknown, revoked, or its membership ended). */
    public Mono<PrivateCalendar> byToken(String token) {
        if (token.startsWith(CalendarService.TOKEN_PREFIX)) {
            return calendars.organizationOfToken(token).map(Members::new);
        }
        if (token.startsWith(PersonalCalendars.TOKEN_PREFIX)) {
            return personal.agenda(token).map(a -> new Personal(a.key(), a.selection()));
        }
        return Mono.empty();
    }
}
