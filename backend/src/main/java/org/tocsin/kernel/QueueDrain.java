package org.tocsin.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Works through a durable queue (the mail outbox, webhook deliveries) one item after another, one run at
 * a time per replica: a trigger while it runs makes it run once more when done, so an item queued at any
 * moment is picked up without a second concurrent run. A run stops after {@code batch} items and leaves
 * the rest to the next trigger (a poll), so one run never holds a thread for long.
 */
public final class QueueDrain {

    private final Supplier<Mono<Boolean>> next;
    private final int batch;
    private final Consumer<Throwable> onError;
    /** Requests to run; one run at a time, and one more if asked meanwhile. */
    private final AtomicInteger wanted = new AtomicInteger();

    /**
     * @param next    handles the item due first; emits false when none is due
     * @param onError told when a run stops early on an error (the next trigger carries on)
     */
    public QueueDrain(Supplier<Mono<Boolean>> next, int batch, Consumer<Throwable> onError) {
        this.next = next;
        this.batch = batch;
        this.onError = onError;
    }

    /** Runs now, unless a run is under way: then it runs once more when that one is done. */
    public void trigger() {
        if (wanted.getAndIncrement() == 0) {
            run(1);
        }
    }

    private void run(int requests) {
        Mono.defer(next)
                .repeat()
                .takeWhile(Boolean::booleanValue)
                .take(batch)
                .then()
                .subscribeOn(Schedulers.boundedElastic())
                .doFinally(signal -> {
                    int more = wanted.addAndGet(-requests);
                    if (more != 0) {
                        run(more);
                    }
                })
                .subscribe(null, onError);
    }
}
