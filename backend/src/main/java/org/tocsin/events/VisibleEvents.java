package org.tocsin.events;

import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
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
        return events.visible(user, id).flatMap(e -> events.permissions(user, e).flatMap(p -> views.view(e, null, p)));
    }
}
