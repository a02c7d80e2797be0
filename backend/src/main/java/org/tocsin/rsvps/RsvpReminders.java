package org.tocsin.rsvps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tocsin.events.EventLookup;
import org.tocsin.events.EventStatus;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import reactor.core.publisher.Mono;

/**
 * The day-before reminder to people GOING who gave an email. Every few minutes it looks at
 * occurrences starting within a day; each RSVP's reminder is claimed with an atomic update, so it
 * goes out once however many replicas run this. Someone who RSVPed less than a day ahead just got a
 * confirmation: their reminder is marked done without a mail.
 */
@Component
class RsvpReminders {

    static final Duration AHEAD = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(RsvpReminders.class);

    private final RsvpStore store;
    private final EventLookup events;
    private final RsvpNotifications notifications;
    private final Clock clock;

    RsvpReminders(RsvpStore store, EventLookup events, RsvpNotifications notifications, Clock clock) {
        this.store = store;
        this.events = events;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tocsin.rsvps.reminder-interval:PT5M}", initialDelayString = "PT30S")
    void scheduled() {
        remind().subscribe(null, e -> log.warn("RSVP reminders failed: {}", e.toString()));
    }

    /** Sends the reminders that are due; answers how many were queued. */
    Mono<Long> remind() {
        Instant now = clock.instant();
        return store.dueForReminder(now, now.plus(AHEAD))
                .concatMap(r -> store.claimReminder(r.id(), now)
                        .filter(Boolean::booleanValue)
                        .flatMap(claimed -> due(r, now))
                        .filter(Boolean::booleanValue)
                        .flatMap(due -> notifications
                                .send(RsvpNotifications.Kind.REMINDER, r, null)
                                .thenReturn(due)))
                .count();
    }

    private Mono<Boolean> due(RsvpDocument r, Instant now) {
        if (r.createdAt().isAfter(r.occurrenceStartUtc().minus(AHEAD))) {
            return Mono.just(false);
        }
        return events.byId(r.eventId())
                .map(target -> target.status() == EventStatus.SCHEDULED
                        && target.occurrenceByKey(r.occurrenceKey())
                                .map(o -> !o.cancelled())
                                .orElse(false))
                .defaultIfEmpty(false);
    }
}
