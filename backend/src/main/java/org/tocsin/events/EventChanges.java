package org.tocsin.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tocsin.events.internal.EventDocument;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Every saved event, published in-process the moment it is stored, so read models (discovery,
 * feeds) never wait for a poll. Other replicas learn of it by polling {@code updatedAt}
 * ({@link EventIndex}); the embedded server's oplog is never trimmed, so change streams are kept
 * for a real replica set.
 */
@Component
public class EventChanges {

    private static final Logger log = LoggerFactory.getLogger(EventChanges.class);

    private final Sinks.Many<EventDocument> sink = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<EventChange> changes = Sinks.many().multicast().directBestEffort();

    /**
     * Writes finish on many threads at once, and a sink accepts one emission at a time; the lock
     * serialises them (subscribers are in-process and quick). Without it a concurrent write failed
     * with an EmissionException after it had been stored.
     */
    synchronized void published(EventDocument event) {
        Sinks.EmitResult result = sink.tryEmitNext(event);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.warn("Event {} not published in-process ({}); replicas' polling will pick it up", event.id(), result);
        }
    }

    /** Serialised like {@link #published}; only changes that matter to attendees are emitted. */
    synchronized void changed(EventChange change) {
        if (!change.mattersToAttendees()) {
            return;
        }
        Sinks.EmitResult result = changes.tryEmitNext(change);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.warn("Change of event {} not published in-process ({})", change.eventId(), result);
        }
    }

    /** Changes that matter to people who RSVPed: capacity raised, rescheduled, cancelled. */
    public Flux<EventChange> changes() {
        return changes.asFlux();
    }

    public Flux<EventDocument> stream() {
        return sink.asFlux();
    }
}
