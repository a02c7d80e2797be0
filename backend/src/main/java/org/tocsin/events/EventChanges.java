package org.tocsin.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Every {@link EventChange} made on this replica, for the features that follow them in-process.
 * Followers get them on a thread of their own ({@code event-changes}), never on the writer's: a slow
 * follower neither delays a write's answer nor runs under anyone's lock. Reactor's bounded sink, not
 * Spring's application events: followers compose their reactive work per change ({@code concatMap}),
 * and a full buffer makes writers wait for room (a timer, not a thread) instead of losing a change or
 * queueing without bound, which an executor's queue would offer as the only choices. The discovery
 * index is not a follower: the write updates it before it answers ({@link EventIndex#indexed}).
 */
@Component
public class EventChanges implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventChanges.class);
    /** Changes that may wait for followers; beyond, writers wait (a follower bounds each change's work). */
    static final int BUFFER = 1_024;

    private static final Duration ROOM_CHECK = Duration.ofMillis(20);

    private final Sinks.Many<EventChange> sink = Sinks.many().multicast().onBackpressureBuffer(BUFFER, false);
    private final Scheduler delivery = Schedulers.newSingle("event-changes", true);

    /** Completes once the change is queued for every follower; while the buffer is full, when there is room. */
    Mono<Void> publish(EventChange change) {
        return Mono.defer(() -> emit(change))
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, ROOM_CHECK).filter(BufferFull.class::isInstance));
    }

    private Mono<Void> emit(EventChange change) {
        if (sink.currentSubscriberCount() == 0) {
            // Nobody follows (yet, or any more: a follower that stopped said so): nothing to wait for.
            return Mono.empty();
        }
        Sinks.EmitResult result;
        do {
            // Another writer is handing over its change (an enqueue, no follower's work): try again.
            result = sink.tryEmitNext(change);
        } while (result == Sinks.EmitResult.FAIL_NON_SERIALIZED);
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            return Mono.error(new BufferFull());
        }
        if (result.isFailure()) {
            log.warn("Change of event {} not published in-process ({})", change.eventId(), result);
        }
        return Mono.empty();
    }

    /** Changes in the order they were published, delivered on the {@code event-changes} thread. */
    public Flux<EventChange> changes() {
        return sink.asFlux().publishOn(delivery, 32);
    }

    @Override
    public void destroy() {
        delivery.dispose();
    }

    private static final class BufferFull extends RuntimeException {
        BufferFull() {
            super("event changes' buffer is full", null, false, false);
        }
    }
}
