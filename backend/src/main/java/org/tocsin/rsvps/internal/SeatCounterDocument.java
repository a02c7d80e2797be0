package org.tocsin.rsvps.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counts of one occurrence, in people (guests included). {@code going} is the seat counter:
 * it only ever rises through a conditional findAndModify ({@code going <= capacity - places}), so
 * GOING places never exceed the capacity under any concurrency, on any number of replicas. The other
 * counts are plain {@code $inc}s kept for the public attendance. No personal data: the retention
 * cleanup keeps these when it deletes the RSVPs. {@code touchedAt}: the last change, so that a repair
 * only ever looks at counters nobody is changing.
 */
@Document("rsvp_counters")
public record SeatCounterDocument(
        @Id String id,
        String eventId,
        String occurrenceKey,
        long going,
        long maybe,
        long waitlisted,
        long pending,
        Instant touchedAt) {

    public static String idOf(String eventId, String occurrenceKey) {
        return eventId + "/" + occurrenceKey;
    }
}
