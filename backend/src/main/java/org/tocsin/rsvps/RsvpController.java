package org.tocsin.rsvps;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.EventLookup;
import org.tocsin.events.EventView;
import org.tocsin.ratelimits.ClientAddress;
import org.tocsin.ratelimits.RateLimiter;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.text.Language;
import reactor.core.publisher.Mono;

/** The routes of the person who RSVPs: answer, then manage it with the token (no account needed). */
@RestController
class RsvpController {

    private final RsvpService rsvps;
    private final EventLookup events;
    private final RateLimiter rateLimiter;

    RsvpController(RsvpService rsvps, EventLookup events, RateLimiter rateLimiter) {
        this.rsvps = rsvps;
        this.events = events;
        this.rateLimiter = rateLimiter;
    }

    /** The answer to a new RSVP: the manage token is shown this once (for an UNCONFIRMED one, only in the mail). */
    record Answer(
            String id,
            RsvpState state,
            RsvpResponse response,
            int guests,
            String occurrence,
            Instant occurrenceStartUtc,
            String manageToken) {}

    /** The person's own RSVP; {@code waitlistPosition} counts from 1. */
    record Own(
            String id,
            String name,
            String email,
            RsvpResponse response,
            int guests,
            RsvpState state,
            String occurrence,
            Instant occurrenceStartUtc,
            Integer waitlistPosition) {}

    /** The RSVP with its event; the event's hidden location shows only while the RSVP is GOING. */
    record Managed(Own rsvp, EventView event) {}

    @PostMapping("/api/v1/events/{id}/rsvps")
    Mono<ResponseEntity<Answer>> answer(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @Valid @RequestBody RsvpRequest body,
            ServerWebExchange exchange) {
        // Per address only: a per-event limit let a few flooding addresses close the event to its real
        // supporters (issue 10 #13). Each flooder now spends its own budget; an IPv6 /64 counts as one.
        return rateLimiter
                .consume("rsvp-per-address", ClientAddress.of(exchange))
                .then(rsvps.answer(
                        user,
                        id,
                        body.lang() == null
                                ? body.withLang(
                                        Language.of(exchange.getRequest()).tag())
                                : body))
                // An UNCONFIRMED RSVP's token goes only to the mailbox: holding it is the confirmation.
                .map(a -> ResponseEntity.status(a.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new Answer(
                                a.rsvp().id(),
                                a.rsvp().state(),
                                a.rsvp().response(),
                                a.rsvp().guests(),
                                a.rsvp().occurrenceKey(),
                                a.rsvp().occurrenceStartUtc(),
                                a.rsvp().state() == RsvpState.UNCONFIRMED ? null : a.manageToken())));
    }

    @GetMapping("/api/v1/rsvps/{token}")
    Mono<Managed> get(@PathVariable String token) {
        return rsvps.byToken(token)
                .flatMap(r -> Mono.zip(
                        own(r),
                        events.viewFor(r.eventId(), r.occurrenceKey(), r.state() == RsvpState.GOING),
                        Managed::new));
    }

    /** Confirms a guest's RSVP to an EMAIL_CONFIRMED event (a POST: mail scanners prefetch links with GET). */
    @PostMapping("/api/v1/rsvps/{token}/confirm")
    Mono<Own> confirm(@PathVariable String token) {
        return rsvps.confirm(token).flatMap(this::own);
    }

    @PatchMapping("/api/v1/rsvps/{token}")
    Mono<Own> change(@PathVariable String token, @Valid @RequestBody RsvpChange body) {
        return rsvps.change(token, body).flatMap(this::own);
    }

    @DeleteMapping("/api/v1/rsvps/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> withdraw(@PathVariable String token) {
        return rsvps.withdraw(token);
    }

    private Mono<Own> own(RsvpDocument r) {
        return rsvps.waitlistPosition(r)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(p -> new Own(
                        r.id(),
                        r.name(),
                        r.email(),
                        r.response(),
                        r.guests(),
                        r.state(),
                        r.occurrenceKey(),
                        r.occurrenceStartUtc(),
                        p.orElse(null)));
    }
}
