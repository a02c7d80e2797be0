package org.tocsin.events;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What happens to events at a set time: drafts published at their {@code publishAt}, locations kept for
 * attendees made public at their reveal time. Every minute on every replica (on the embedded server each
 * run scans the events, as it ignores indexes: a minute keeps that cheap); each event is claimed
 * by one atomic update ({@code EventStore.claimPublication}, {@code claimReveal}), so however many
 * replicas or overlapping runs there are, each is published or revealed, and announced, once.
 */
@Component
class EventTimers {

    private static final Logger log = LoggerFactory.getLogger(EventTimers.class);

    private final EventService events;
    private final Clock clock;

    EventTimers(EventService events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tocsin.events.timer-interval:PT1M}", initialDelayString = "PT5S")
    void scheduled() {
        run(clock.instant()).subscribe(null, e -> log.warn("Scheduled publishing or reveal failed: {}", e.toString()));
    }

    /** Everything due by {@code now}: answers how many events this run published and revealed. */
    Mono<Long> run(Instant now) {
        return events.publishDue(now).zipWith(events.revealDue(now), Long::sum);
    }
}
