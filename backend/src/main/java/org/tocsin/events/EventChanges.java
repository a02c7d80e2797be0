package org.tocsin.events;

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

    private final Sinks.Many<EventDocument> sink = Sinks.many().multicast().directBestEffort();

    void published(EventDocument event) {
        sink.emitNext(event, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100)));
    }

    public Flux<EventDocument> stream() {
        return sink.asFlux();
    }
}
