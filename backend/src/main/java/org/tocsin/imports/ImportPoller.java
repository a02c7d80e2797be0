package org.tocsin.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tocsin.imports.internal.ImportStore;
import reactor.core.publisher.Mono;

/**
 * Syncs the sources that are due: each replica claims them one by one with a lease (an atomic update, so two
 * replicas never sync one source at once) and syncs a bounded number at a time.
 */
@Component
class ImportPoller {

    private static final Logger log = LoggerFactory.getLogger(ImportPoller.class);
    /** Sources one run takes on; the next poll carries on with the rest. */
    private static final int PER_RUN = 100;

    private final ImportStore store;
    private final ImportService imports;
    private final ImportProperties properties;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    ImportPoller(ImportStore store, ImportService imports, ImportProperties properties, Clock clock) {
        this.store = store;
        this.imports = imports;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${tocsin.imports.poll-interval:PT1M}",
            initialDelayString = "${tocsin.imports.poll-interval:PT1M}")
    void poll() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Mono.defer(() -> {
                    Instant now = clock.instant();
                    return store.claimDue(now, now.plus(ImportProperties.LEASE));
                })
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .repeat(PER_RUN - 1)
                .takeWhile(Optional::isPresent)
                .map(Optional::get)
                .flatMap(source -> imports.syncLeased(source, null), properties.concurrency())
                .doFinally(signal -> running.set(false))
                .subscribe(
                        null,
                        e -> log.warn(
                                "Import poll stopped early ({}); the next poll carries on",
                                e.getClass().getName()));
    }
}
