package org.tocsin.events;

import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.EventDocument;
import reactor.core.publisher.Mono;

/**
 * One event as {@code GET /api/v1/events/{id}} shows it to this caller, for other features that show
 * it elsewhere (the server-rendered page): the same visibility check and the same view, so a page
 * hides exactly what the API hides. Unknown and forbidden-to-see fail alike (the 404 problem).
 */
@Service
public class VisibleEvents {

    private final EventService events;
    private final EventViews views;

    VisibleEvents(EventService events, EventViews views) {
        this.events = events;
        this.views = views;
    }

    public Mono<EventView> view(CurrentUser user, String id) {
        return view(user, id, null);
    }

    /**
     * One date of a series ({@code occurrence}: its key, the original local start, as RSVPs and
     * {@code ?occurrence=} name it): that date's times, status and counts. For a one-off event, no
     * occurrence, or a date not (or no longer) in the series: the event as a whole, as mails' links do.
     */
    public Mono<EventView> view(CurrentUser user, String id, String occurrence) {
        return events.visible(user, id)
                .flatMap(e -> events.permissions(user, e).flatMap(p -> views.view(e, dateOf(e, occurrence), p)));
    }

    /** The date of a series named by {@code occurrence}; null for the event as a whole. */
    static Occurrence dateOf(EventDocument e, String occurrence) {
        return e.recurrence() == null || occurrence == null
                ? null
                : EventFacts.of(e).occurrenceByKey(occurrence).orElse(null);
    }
}
