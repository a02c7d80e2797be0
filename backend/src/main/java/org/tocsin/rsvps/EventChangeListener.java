package org.tocsin.rsvps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tocsin.events.EventChange;
import org.tocsin.events.EventChanges;
import org.tocsin.events.RsvpEvents;
import org.tocsin.rsvps.internal.SeatCounters;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Reacts to event changes made on this replica: a raised capacity seats the waitlist of every
 * occurrence that has one. A failure is logged and the next change is still handled.
 */
@Component
class EventChangeListener implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventChangeListener.class);

    private final EventChanges changes;
    private final RsvpEvents events;
    private final SeatCounters counters;
    private final Seats seats;
    private Disposable subscription;

    EventChangeListener(EventChanges changes, RsvpEvents events, SeatCounters counters, Seats seats) {
        this.changes = changes;
        this.events = events;
        this.counters = counters;
        this.seats = seats;
    }

    @Override
    public void afterSingletonsInstantiated() {
        subscription = changes.changes()
                .onBackpressureBuffer(10_000)
                .concatMap(change -> handle(change).onErrorResume(e -> {
                    log.warn("RSVPs not updated after a change of event {}: {}", change.eventId(), e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    Mono<Void> handle(EventChange change) {
        if (!change.capacityRaised()) {
            return Mono.empty();
        }
        return events.byId(change.eventId()).flatMap(target -> counters.ofEvent(change.eventId())
                .concatMap(c -> seats.promote(c.eventId(), c.occurrenceKey(), target.capacity()))
                .then());
    }

    @Override
    public void destroy() {
        if (subscription != null) {
            subscription.dispose();
        }
    }
}
