package org.tocsin.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tocsin.events.EventLookup;
import org.tocsin.rsvps.AttendanceChanges;
import org.tocsin.webhooks.internal.WebhookMemory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rsvp.counts_changed}: the public counts of an organization's events, sent as a digest on a fixed clock
 * rather than per RSVP. A flood of answers makes at most one message per event per period, and a message's time
 * is the period's end, whatever the answers' times: a receiver learns that the counts changed within the period and
 * what they are now, which the event's public JSON shows anyway. Counts only (going, maybe, waitlisted), never
 * who, never the answers awaiting approval; counts that end the period as they began it send nothing.
 *
 * <p>Replicas share the work through a cursor: each period is claimed by one of them (see
 * {@link WebhookMemory#claimSpan}).
 */
@Component
class RsvpCountDigest {

    private static final Logger log = LoggerFactory.getLogger(RsvpCountDigest.class);
    static final String CURSOR = "rsvp-counts";
    /**
     * A counter's write stamps its time a moment before it is stored: a period is read only this long after it
     * ends, so a write that was slow to land is still read with its own period.
     */
    static final Duration SETTLE = Duration.ofMinutes(1);

    private final WebhookMemory memory;
    private final AttendanceChanges attendance;
    private final EventLookup events;
    private final WebhookSender sender;
    private final JsonMapper json;
    private final Clock clock;

    RsvpCountDigest(
            WebhookMemory memory,
            AttendanceChanges attendance,
            EventLookup events,
            WebhookSender sender,
            JsonMapper json,
            Clock clock) {
        this.memory = memory;
        this.attendance = attendance;
        this.events = events;
        this.sender = sender;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(
            fixedRateString = "${tocsin.webhooks.rsvp-counts-every:PT15M}",
            initialDelayString = "${tocsin.webhooks.rsvp-counts-every:PT15M}")
    void run() {
        digest(clock.instant().minus(SETTLE))
                .subscribe(
                        null,
                        e -> log.warn(
                                "RSVP count digest failed ({}); the next period carries on",
                                e.getClass().getName()));
    }

    /** Sends the changes of the counters touched since the last digest and before {@code until}. */
    Mono<Void> digest(Instant until) {
        return memory.claimSpan(CURSOR, until)
                .flatMapMany(from -> attendance.touchedBetween(from, until))
                // Bounded by the counters touched in one period, which the RSVP rate limits bound.
                .collectMultimap(AttendanceChanges.Counts::eventId)
                .flatMapMany(byEvent -> Flux.fromIterable(byEvent.entrySet()))
                .concatMap(e -> event(e.getKey(), e.getValue()).onErrorResume(error -> {
                    log.warn(
                            "RSVP counts of event {} not sent ({})",
                            e.getKey(),
                            error.getClass().getName());
                    return Mono.empty();
                }))
                .then();
    }

    private Mono<Void> event(String eventId, Collection<AttendanceChanges.Counts> counts) {
        return events.byId(eventId)
                .filterWhen(event -> sender.anyWants(event.organizationId(), WebhookTypes.RSVP_COUNTS))
                .flatMap(event -> Flux.fromIterable(counts)
                        .sort(Comparator.comparing(AttendanceChanges.Counts::occurrenceKey))
                        .concatMap(this::changed)
                        .collectList()
                        .filter(changed -> !changed.isEmpty())
                        .flatMap(changed -> sender.enqueue(
                                event.organizationId(),
                                WebhookTypes.RSVP_COUNTS,
                                eventId,
                                (organization, now) -> payload(now, eventId, organization, changed))));
    }

    /** The occurrence's counts if they differ from those last sent (remembered as sent from now on). */
    private Mono<AttendanceChanges.Counts> changed(AttendanceChanges.Counts c) {
        String id = c.eventId() + "/" + c.occurrenceKey();
        // Nothing sent yet: the receiver knows the counts an event starts with, all zero (what the API shows too).
        return memory.sentCounts(id)
                .defaultIfEmpty(new WebhookMemory.SentCounts(id, 0, 0, 0))
                .map(sent ->
                        sent.going() == c.going() && sent.maybe() == c.maybe() && sent.waitlisted() == c.waitlisted())
                .flatMap(same -> same
                        ? Mono.empty()
                        : memory.saveSentCounts(new WebhookMemory.SentCounts(id, c.going(), c.maybe(), c.waitlisted()))
                                .thenReturn(c));
    }

    private String payload(Instant at, String eventId, String organization, List<AttendanceChanges.Counts> changed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", eventId);
        data.put("organization", organization);
        data.put("href", "/api/v1/events/" + eventId);
        data.put(
                "occurrences",
                changed.stream()
                        .map(c -> {
                            Map<String, Object> o = new LinkedHashMap<>();
                            o.put("occurrence", c.occurrenceKey());
                            o.put("going", c.going());
                            o.put("maybe", c.maybe());
                            o.put("waitlisted", c.waitlisted());
                            return o;
                        })
                        .toList());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", WebhookTypes.RSVP_COUNTS);
        envelope.put("timestamp", at.toString());
        envelope.put("data", data);
        return json.writeValueAsString(envelope);
    }
}
