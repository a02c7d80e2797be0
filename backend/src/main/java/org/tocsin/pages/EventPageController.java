package org.tocsin.pages;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.VisibleEvents;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/** {@code /events/{id}}: the event's page, in HTML, with the RSVP form; the web app takes it over. */
// HTML pages, not the JSON API: out of the OpenAPI document (their tests: EventPagesTest, NonInterferenceTest).
@Hidden
@RestController
class EventPageController {

    private final VisibleEvents events;
    private final Pages pages;

    EventPageController(VisibleEvents events, Pages pages) {
        this.events = events;
        this.pages = pages;
    }

    /** Ids never hold a dot: {@code /events/{id}.ics} is the feeds' download. */
    @GetMapping("/events/{id:[^.]+}")
    Mono<ResponseEntity<String>> page(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @RequestParam(required = false) String occurrence,
            ServerWebExchange exchange) {
        // One date of a series (?occurrence=): its times, what happened to it, its counts, and RSVPs to it.
        return events.view(user, id, occurrence)
                .flatMap(view -> pages.event(
                        exchange, view, Pages.RsvpForm.blank(view.id(), view.recurrenceId()), HttpStatus.OK))
                .onErrorResume(
                        Refusal.class,
                        e -> e.reason() == Refusal.Reason.NOT_FOUND ? pages.notFound(exchange) : Mono.error(e));
    }
}
