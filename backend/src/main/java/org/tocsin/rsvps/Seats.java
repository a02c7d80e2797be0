package org.tocsin.rsvps;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.tocsin.events.EventFacts;
import org.tocsin.events.RsvpMode;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import org.tocsin.rsvps.internal.SeatCounters;
import reactor.core.publisher.Mono;

/**
 * Turns what a person wants into an RSVP state, holding places on the occurrence's seat counter.
 * The order of steps is what keeps the count right without transactions: places are claimed
 * (atomically, conditionally) before an RSVP says GOING, and released only after it no longer
 * does. A crash in between can leave places held by nobody (the count errs on the full side),
 * never more GOING places than the capacity.
 */
@Component
class Seats {

    private static final Logger log = LoggerFactory.getLogger(Seats.class);
    /** A bound on promotions per freed place run, against a loop on a pathological conflict storm. */
    private static final int MAX_PROMOTIONS = 1000;

    private final RsvpStore store;
    private final SeatCounters counters;
    private final RsvpNotifications notifications;
    private final Clock clock;

    Seats(RsvpStore store, SeatCounters counters, RsvpNotifications notifications, Clock clock) {
        this.store = store;
        this.counters = counters;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Stores {@code wish} for the RSVP {@code identity}; {@code current} is its stored version, or
     * null for a new RSVP. Fails with a 409 when more guests do not fit, or when a CLOSED event would
     * have to seat someone anew.
     */
    Mono<RsvpDocument> settle(RsvpDocument current, RsvpDocument identity, Rsvps.Wish wish, EventFacts target) {
        Instant now = clock.instant();
        RsvpState wanted = wanted(current, wish, target);
        int people = 1 + wish.guests();
        int held = current == null ? 0 : current.places();
        // CLOSED takes nobody new and no more guests; those already seated or in line keep their place.
        if (wanted == RsvpState.GOING
                && target.rsvpMode() == RsvpMode.CLOSED
                && (!admitted(current) || people > held && current.state() == RsvpState.GOING)) {
            return Mono.error(RsvpProblems.closed());
        }
        Mono<Placement> placement;
        if (wanted != RsvpState.GOING) {
            placement = Mono.just(new Placement(wanted, 0, null, 0));
        } else if (current != null && current.state() == RsvpState.GOING) {
            int extra = people - held;
            placement = extra <= 0
                    ? Mono.just(new Placement(RsvpState.GOING, people, null, 0))
                    : claim(identity, extra, target)
                            .flatMap(ok -> ok
                                    ? Mono.just(new Placement(RsvpState.GOING, people, null, extra))
                                    : Mono.error(RsvpProblems.noRoom(extra)));
        } else if (current != null && current.state() == RsvpState.WAITLISTED) {
            // Keeps its place in line; the promotion below seats it if it fits now.
            placement = Mono.just(new Placement(RsvpState.WAITLISTED, 0, current.queuedAt(), 0));
        } else {
            // Nobody jumps the line: with people waiting, a newcomer queues behind them.
            placement = store.hasWaitlisted(identity.eventId(), identity.occurrenceKey())
                    .flatMap(waiting -> waiting ? Mono.just(false) : claim(identity, people, target))
                    .map(ok -> ok
                            ? new Placement(RsvpState.GOING, people, null, people)
                            : new Placement(RsvpState.WAITLISTED, 0, now, 0));
        }
        return counters.touch(identity.eventId(), identity.occurrenceKey())
                .then(placement)
                .flatMap(p -> {
                    RsvpDocument next = Rsvps.settled(identity, wish, p.state(), p.places(), p.queuedAt(), now);
                    Mono<RsvpDocument> write = current == null ? store.insert(next) : store.save(next);
                    return write.onErrorResume(
                                    e -> release(identity, p.claimed()).then(Mono.error(e)))
                            .flatMap(
                                    saved -> afterChange(current, saved, target).thenReturn(saved));
                });
    }

    /** Frees what {@code before} held, moves the other counts, and promotes the waitlist when a place may be free. */
    Mono<Void> afterChange(RsvpDocument before, RsvpDocument after, EventFacts target) {
        String event = after.eventId();
        String occurrence = after.occurrenceKey();
        int freed = (before == null ? 0 : before.places()) - after.places();
        Mono<Void> counts = Mono.when(
                counters.adjust(
                        event,
                        occurrence,
                        "maybe",
                        Rsvps.count(after, RsvpState.MAYBE) - Rsvps.count(before, RsvpState.MAYBE)),
                counters.adjust(
                        event,
                        occurrence,
                        "waitlisted",
                        Rsvps.count(after, RsvpState.WAITLISTED) - Rsvps.count(before, RsvpState.WAITLISTED)),
                counters.adjust(
                        event,
                        occurrence,
                        "pending",
                        Rsvps.count(after, RsvpState.PENDING) - Rsvps.count(before, RsvpState.PENDING)));
        boolean promote = freed > 0 || after.state() == RsvpState.WAITLISTED;
        return release(after, freed)
                .then(counts)
                .then(promote ? promote(event, occurrence, target.capacity()) : Mono.empty());
    }

    /** Marks the RSVP's counter as being changed, before the RSVP itself is (see SeatRepair). */
    Mono<Void> touch(RsvpDocument rsvp) {
        return counters.touch(rsvp.eventId(), rsvp.occurrenceKey());
    }

    /** Counts for an RSVP that is gone (withdrawn, removed): its places back to the waitlist. */
    Mono<Void> afterRemoval(RsvpDocument removed, EventFacts target) {
        RsvpDocument none = Rsvps.withState(removed, RsvpState.NOT_GOING, 0, null, clock.instant());
        return afterChange(removed, none, target);
    }

    /**
     * Seats the waitlist in order while the head fits: claim its places, then flip it to GOING
     * (optimistically). If someone else changed it meanwhile (another replica promoted it, or its
     * owner withdrew), the places go back and the next head is tried. Strict order: a party that does
     * not fit waits, and those behind it wait too.
     */
    Mono<Void> promote(String eventId, String occurrenceKey, Integer capacity) {
        return promoteFrom(eventId, occurrenceKey, capacity, 0);
    }

    private Mono<Void> promoteFrom(String eventId, String occurrenceKey, Integer capacity, int round) {
        if (round >= MAX_PROMOTIONS) {
            log.warn("Stopped promoting the waitlist of event {} after {} rounds", eventId, round);
            return Mono.empty();
        }
        return store.firstWaitlisted(eventId, occurrenceKey)
                .flatMap(head -> counters.claim(eventId, occurrenceKey, head.people(), capacity)
                        .flatMap(ok -> {
                            if (!ok) {
                                return Mono.<Void>empty();
                            }
                            RsvpDocument seated =
                                    Rsvps.withState(head, RsvpState.GOING, head.people(), null, clock.instant());
                            return store.save(seated)
                                    .flatMap(saved -> counters.adjust(
                                                    eventId, occurrenceKey, "waitlisted", -saved.people())
                                            .then(Mono.defer(() ->
                                                    notifications.send(RsvpNotifications.Kind.PROMOTED, saved, null))))
                                    .onErrorResume(
                                            OptimisticLockingFailureException.class,
                                            e -> counters.release(eventId, occurrenceKey, head.people()))
                                    .then(Mono.defer(() -> promoteFrom(eventId, occurrenceKey, capacity, round + 1)));
                        }));
    }

    private Mono<Boolean> claim(RsvpDocument identity, int places, EventFacts target) {
        return counters.claim(identity.eventId(), identity.occurrenceKey(), places, target.capacity());
    }

    private Mono<Void> release(RsvpDocument identity, int places) {
        return counters.release(identity.eventId(), identity.occurrenceKey(), places);
    }

    private static RsvpState wanted(RsvpDocument current, Rsvps.Wish wish, EventFacts target) {
        if (current != null && current.state() == RsvpState.DECLINED) {
            return RsvpState.DECLINED;
        }
        return switch (wish.response()) {
            case NOT_GOING -> RsvpState.NOT_GOING;
            case MAYBE -> RsvpState.MAYBE;
            // Seated or in line before the event switched to APPROVAL: already admitted.
            case GOING ->
                target.rsvpMode() == RsvpMode.APPROVAL && !wish.approved() && !admitted(current)
                        ? RsvpState.PENDING
                        : RsvpState.GOING;
        };
    }

    private static boolean admitted(RsvpDocument current) {
        return current != null && (current.state() == RsvpState.GOING || current.state() == RsvpState.WAITLISTED);
    }

    /** The state an RSVP lands in, the places it holds, when it joined the line, and what this step claimed. */
    private record Placement(RsvpState state, int places, Instant queuedAt, int claimed) {}
}
