package org.tocsin.rsvps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tocsin.events.EventChange;
import org.tocsin.events.EventChanges;
import org.tocsin.events.EventFacts;
import org.tocsin.events.EventLookup;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import org.tocsin.rsvps.internal.SeatCounters;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reacts to event changes made on this replica, one at a time on the thread they are delivered on: a raised capacity seats the waitlist of every
 * occurrence that has one; a new time or place updates the RSVPs' occurrence times (reminders and
 * retention go by them) and tells those GOING (iTIP REQUEST); a cancellation tells them too (iTIP
 * CANCEL); a deleted event tells them the same way, from the last state the change carries, then
 * takes its RSVPs with it. A change to one occurrence of a series (moved, cancelled, restored) is
 * told only to those going to that occurrence. A failure, or a change not handled within
 * {@link #PER_CHANGE} (writers wait while changes queue up), is logged and the next change is still handled.
 */
@Component
class EventChangeListener implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventChangeListener.class);
    static final Duration PER_CHANGE = Duration.ofMinutes(1);

    private final EventChanges changes;
    private final EventLookup events;
    private final SeatCounters counters;
    private final Seats seats;
    private final RsvpStore store;
    private final RsvpNotifications notifications;
    private final Clock clock;
    private Disposable subscription;

    EventChangeListener(
            EventChanges changes,
            EventLookup events,
            SeatCounters counters,
            Seats seats,
            RsvpStore store,
            RsvpNotifications notifications,
            Clock clock) {
        this.changes = changes;
        this.events = events;
        this.counters = counters;
        this.seats = seats;
        this.store = store;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        subscription = changes.changes()
                .concatMap(change -> handle(change).timeout(PER_CHANGE).onErrorResume(e -> {
                    log.warn("RSVPs not updated after a change of event {}: {}", change.eventId(), e.toString());
                    return Mono.empty();
                }))
                // Only the stream itself could end here: said loudly.
                .subscribe(
                        null,
                        e -> log.error(
                                "Stopped following event changes ({}): RSVPs are not updated nor "
                                        + "told of changes until restart",
                                e.toString()));
    }

    Mono<Void> handle(EventChange change) {
        return switch (change) {
            // Told before the RSVPs go: they hold the addresses.
            case EventChange.Deleted deleted ->
                tellDeleted(deleted)
                        .then(store.deleteOfEvent(deleted.eventId()))
                        .then();
            case EventChange.Created created -> Mono.empty();
            case EventChange.LocationRevealed revealed -> ofLiveEvent(change);
            case EventChange.Updated updated when !updated.capacityRaised() && !updated.rescheduled() -> Mono.empty();
            default -> ofLiveEvent(change);
        };
    }

    private Mono<Void> ofLiveEvent(EventChange change) {
        return events.byId(change.eventId())
                .flatMap(target ->
                        promote(change, target).then(tell(change, target)).thenReturn(true))
                .switchIfEmpty(
                        Mono.defer(() -> store.deleteOfEvent(change.eventId()).thenReturn(false)))
                .then();
    }

    private Mono<Void> promote(EventChange change, EventFacts target) {
        if (!(change instanceof EventChange.Updated updated) || !updated.capacityRaised()) {
            return Mono.empty();
        }
        return counters.ofEvent(change.eventId())
                .concatMap(c -> seats.promote(c.eventId(), c.occurrenceKey(), target.capacity()))
                .then();
    }

    /**
     * One mail per person and event, to those GOING to an occurrence that has not ended; when only
     * some occurrences of a series changed, to those going to one of them.
     */
    private Mono<Void> tell(EventChange change, EventFacts target) {
        if (change instanceof EventChange.LocationRevealed) {
            return tellRevealed(target);
        }
        boolean cancelled = change instanceof EventChange.Cancelled;
        boolean rescheduled = change instanceof EventChange.OccurrenceChanged
                || change instanceof EventChange.Updated updated && updated.rescheduled();
        if (!rescheduled && !cancelled) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        Flux<RsvpDocument> concerned =
                store.ofEvent(change.eventId(), null).filter(r -> change.concerns(r.occurrenceKey()));
        Mono<Void> moved = !rescheduled
                ? Mono.empty()
                : concerned
                        .map(RsvpDocument::occurrenceKey)
                        .distinct()
                        .concatMap(key -> target.occurrenceByKey(key)
                                .map(o -> store.moveOccurrence(target.id(), key, o.startUtc(), o.endUtc()))
                                .orElse(Mono.empty()))
                        .then();
        // Read again once moved: the mail names the RSVP's occurrence at its new time.
        Set<String> told = new HashSet<>();
        return moved.thenMany(concerned)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .filter(r -> r.state() == RsvpState.GOING
                        && r.email() != null
                        && target.occurrenceByKey(r.occurrenceKey())
                                .map(o -> o.endUtc().isAfter(now))
                                .orElse(false)
                        && told.add(r.email()))
                .concatMap(r -> notifications.send(
                        cancelled ? RsvpNotifications.Kind.CANCELLED : RsvpNotifications.Kind.CHANGED, r, null))
                .then();
    }

    /**
     * The meeting point, now public, to each person GOING (once per address) to an occurrence that has
     * not ended, in the language they answered in. The invitation in the mail updates their calendar.
     */
    private Mono<Void> tellRevealed(EventFacts target) {
        Instant now = clock.instant();
        Set<String> told = new HashSet<>();
        return store.ofEvent(target.id(), null)
                .filter(r -> r.state() == RsvpState.GOING && r.email() != null)
                .filter(r -> target.occurrenceByKey(r.occurrenceKey())
                        .map(o -> o.endUtc().isAfter(now))
                        .orElse(false))
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .filter(r -> told.add(r.email()))
                .concatMap(r -> notifications.send(RsvpNotifications.Kind.LOCATION_REVEALED, r, null))
                .then();
    }

    /** A deleted event: a CANCEL, rendered from its last state, to those GOING to an occurrence that has not ended. */
    private Mono<Void> tellDeleted(EventChange.Deleted deleted) {
        Instant now = clock.instant();
        EventFacts target = deleted.lastState();
        Set<String> told = new HashSet<>();
        return store.ofEvent(target.id(), null)
                .filter(r -> r.state() == RsvpState.GOING && r.email() != null)
                .filter(r -> target.occurrenceByKey(r.occurrenceKey())
                        .map(o -> o.endUtc().isAfter(now))
                        .orElse(false))
                .filter(r -> told.add(r.email()))
                .concatMap(r -> notifications.queue(RsvpNotifications.Kind.CANCELLED, r, deleted.view()))
                .then();
    }

    @Override
    public void destroy() {
        if (subscription != null) {
            subscription.dispose();
        }
    }
}
