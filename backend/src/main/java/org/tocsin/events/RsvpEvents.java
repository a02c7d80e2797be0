package org.tocsin.events;

import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/** Events as the rsvps feature sees them: targets to answer, and views for the people who answered. */
@Service
public class RsvpEvents {

    private final EventService events;
    private final EventStore store;
    private final EventViews views;

    RsvpEvents(EventService events, EventStore store, EventViews views) {
        this.events = events;
        this.store = store;
        this.views = views;
    }

    /** The event if the caller may see it (a PRIVATE event only for members); otherwise a 404. */
    public Mono<RsvpTarget> visible(CurrentUser user, String id) {
        return events.visible(user, id).map(RsvpEvents::target);
    }

    /** The event whatever its visibility (someone holding an RSVP to it saw it when answering); empty if deleted. */
    public Mono<RsvpTarget> byId(String id) {
        return store.byId(id).map(RsvpEvents::target);
    }

    /**
     * One occurrence of the event as a person who RSVPed sees it: with its location when {@code attendee}
     * (a confirmed GOING answer), otherwise as a stranger does. A null {@code occurrenceKey}: the whole
     * event (a series with its RRULE, as in an invitation).
     */
    public Mono<EventView> viewFor(String id, String occurrenceKey, boolean attendee) {
        return store.byId(id)
                .switchIfEmpty(Mono.error(Refusal.notFound("Event")))
                .flatMap(e -> {
                    RsvpTarget target = target(e);
                    // An occurrence since dropped from the series (an EXDATE added later) shows the series instead.
                    Occurrence occurrence = e.recurrence() == null || occurrenceKey == null
                            ? null
                            : target.occurrenceByKey(occurrenceKey).orElse(null);
                    EventPermissions permissions =
                            attendee ? EventPermissions.STRANGER.asAttendee() : EventPermissions.STRANGER;
                    return views.view(e, occurrence, permissions);
                });
    }

    static RsvpTarget target(EventDocument e) {
        return new RsvpTarget(
                e.id(),
                e.organizationId(),
                e.title(),
                e.capacity(),
                e.rsvpMode(),
                e.status(),
                e.visibility(),
                e.locationVisibility(),
                EventSchedule.of(e),
                e.sequence());
    }
}
