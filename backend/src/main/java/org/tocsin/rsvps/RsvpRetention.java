package org.tocsin.rsvps;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tocsin.rsvps.internal.RsvpStore;
import reactor.core.publisher.Mono;

/**
 * Protest attendance is sensitive: who went is deleted a while after the occurrence ended
 * ({@code tocsin.rsvps.retention}, default 30 days), leaving only the counters' totals. The embedded
 * server has no TTL indexes, so this runs on a schedule; on several replicas each runs it, harmlessly.
 */
@Component
class RsvpRetention {

    private static final Logger log = LoggerFactory.getLogger(RsvpRetention.class);

    private final RsvpStore store;
    private final RsvpProperties properties;
    private final Clock clock;

    RsvpRetention(RsvpStore store, RsvpProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tocsin.rsvps.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    void scheduled() {
        purge().subscribe(null, e -> log.warn("RSVP retention cleanup failed: {}", e.toString()));
    }

    /** Deletes the RSVPs of occurrences that ended more than the retention ago; answers how many. */
    Mono<Long> purge() {
        return store.deleteEndedBefore(clock.instant().minus(properties.retention()))
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Deleted {} RSVPs of occurrences that ended over {} ago", n, properties.retention());
                    }
                });
    }
}
