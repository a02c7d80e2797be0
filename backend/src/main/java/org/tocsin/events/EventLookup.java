package org.tocsin.events;

import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.EventStore;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/**
 * The events feature's read API for other features: an event's {@link EventFacts} for a caller or
 * by id, and one occurrence viewed as a person who answered it sees it. Other features ask this,
 * never the event store.
 */
@Service
public class EventLookup {

    private final EventService events;
    private final EventStore store;
    private final EventViews views;
    private final PrivateNotes notes;

    EventLookup(EventService events, EventStore store, EventViews views, PrivateNotes notes) {
        this.events = events;
        this.store = store;
        this.views = views;
        this.notes = notes;
    }

    /** The event if the caller may see it (a PRIVATE event only for members); otherwise a 404. */
    public Mono<EventFacts> visible(CurrentUser user, String id) {
        return events.visible(user, id).map(EventFacts::of);
    }

    /** The event whatever its visibility (someone holding an RSVP to it saw it when answering); empty if deleted. */
    public Mono<EventFacts> byId(String id) {
        return store.byId(id).map(EventFacts::of);
    }

    /**
     * One occurrence of the event as a person who RSVPed sees it: with its location and the organizers'
     * private notes when {@code attendee} (a confirmed GOING answer), otherwise as a stranger does. A null {@code occurrenceKey}: the whole
     * event (a series with its RRULE, as in an invitation).
     */
    public Mono<EventView> viewFor(String id, String occurrenceKey, boolean attendee) {
        return store.byId(id)
                .switchIfEmpty(Mono.error(Refusal.notFound("Event")))
                .flatMap(e -> {
                    EventFacts target = EventFacts.of(e);
                    // An occurrence since dropped from the series (an EXDATE added later) shows the series instead.
                    Occurrence occurrence = e.recurrence() == null || occurrenceKey == null
                            ? null
                            : target.occurrenceByKey(occurrenceKey).orElse(null);
                    EventPermissions permissions =
                            attendee ? EventPermissions.STRANGER.asAttendee() : EventPermissions.STRANGER;
                    Mono<EventView> view = views.view(e, occurrence, permissions);
                    // The organizers' notes go with an attendee's view: their mail, their manage link.
                    return attendee
                            ? view.flatMap(v -> notes.forAttendees(e.id())
                                    .map(n -> v.withPrivateNotes(n.text(), n.html()))
                                    .defaultIfEmpty(v))
                            : view;
                });
    }
}
