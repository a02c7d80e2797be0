package org.tocsin.rsvps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tocsin.events.EventFacts;
import org.tocsin.events.EventLookup;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import org.tocsin.rsvps.internal.SeatCounterDocument;
import org.tocsin.rsvps.internal.SeatCounters;
import reactor.core.publisher.Mono;

/**
 * Without transactions, a replica that dies between taking places and storing the RSVP leaves the
 * places taken by nobody (the count errs on the full side, see {@link Seats}). This puts such a
 * counter right again: only once it has been quiet for a while (every change of an occurrence's RSVPs
 * touches its counter first, so no request is half-way through it),
 * and only if it is still exactly as observed when the RSVPs were added up, so a change racing the
 * repair always wins. Freed places then go to the waitlist. Counters whose RSVPs the retention
 * cleanup may have deleted are never looked at.
 */
@Component
class SeatRepair {

    static final Duration QUIET = Duration.ofMinutes(15);
    static final Duration LOOK_BACK = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(SeatRepair.class);

    private final SeatCounters counters;
    private final RsvpStore store;
    private final EventLookup events;
    private final Seats seats;
    private final Clock clock;

    SeatRepair(SeatCounters counters, RsvpStore store, EventLookup events, Seats seats, Clock clock) {
        this.counters = counters;
        this.store = store;
        this.events = events;
        this.seats = seats;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tocsin.rsvps.repair-interval:PT1H}", initialDelayString = "PT10M")
    void scheduled() {
        repair().subscribe(null, e -> log.warn("Seat counter repair failed: {}", e.toString()));
    }

    /** Repairs the quiet counters that disagree with their RSVPs; answers how many. */
    Mono<Long> repair() {
        Instant now = clock.instant();
        // Only occurrences still ahead: freeing places matters only then, and the RSVPs of past ones may be
        // deleted by the retention cleanup while their counts stay.
        return counters.quiet(now.minus(LOOK_BACK), now.minus(QUIET))
                .concatMap(counter -> events.byId(counter.eventId())
                        .filter(target -> target.occurrenceByKey(counter.occurrenceKey())
                                .map(o -> o.endUtc().isAfter(now))
                                .orElse(false))
                        .flatMap(target -> store.ofEvent(counter.eventId(), counter.occurrenceKey())
                                .collectList()
                                .flatMap(list -> fix(counter, list, target))))
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> fix(SeatCounterDocument c, List<RsvpDocument> list, EventFacts target) {
        long going = list.stream().mapToLong(RsvpDocument::places).sum();
        long maybe =
                list.stream().mapToLong(r -> Rsvps.count(r, RsvpState.MAYBE)).sum();
        long waitlisted = list.stream()
                .mapToLong(r -> Rsvps.count(r, RsvpState.WAITLISTED))
                .sum();
        long pending =
                list.stream().mapToLong(r -> Rsvps.count(r, RsvpState.PENDING)).sum();
        if (c.going() == going && c.maybe() == maybe && c.waitlisted() == waitlisted && c.pending() == pending) {
            return Mono.just(false);
        }
        return counters.correct(c, going, maybe, waitlisted, pending).flatMap(done -> {
            if (!done) {
                return Mono.just(false);
            }
            log.warn("Seat counter {} corrected: {} places taken by nobody", c.id(), c.going() - going);
            return (going < c.going()
                            ? seats.promote(c.eventId(), c.occurrenceKey(), target.capacity())
                            : Mono.<Void>empty())
                    .thenReturn(true);
        });
    }
}
