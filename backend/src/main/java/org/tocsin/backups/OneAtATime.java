package org.tocsin.backups;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/**
 * A copy of the whole database is heavy work: one backup or export at a time (one instance serves both), and a
 * second request is told so at once.
 */
@Component
final class OneAtATime {

    private final AtomicBoolean running = new AtomicBoolean();

    <T> Mono<T> run(Mono<T> work) {
        return Mono.defer(() -> {
            if (!running.compareAndSet(false, true)) {
                return Mono.error(Refusal.of(Refusal.Reason.CONFLICT, "A backup or export is already running"));
            }
            return work.doFinally(signal -> running.set(false));
        });
    }
}
