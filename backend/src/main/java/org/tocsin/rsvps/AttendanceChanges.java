package org.tocsin.rsvps;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tocsin.rsvps.internal.SeatCounters;
import reactor.core.publisher.Flux;

/**
 * Which occurrences' counters were touched in a span of time, with their public counts: for features that tell
 * others of count changes (webhooks). Counts only, the same three the public event JSON shows; never the pending
 * count (answers awaiting approval are not public), never who.
 */
@Component
public class AttendanceChanges {

    /** The public attendance of one occurrence ({@code occurrenceKey} as the events feature names it). */
    public record Counts(String eventId, String occurrenceKey, long going, long maybe, long waitlisted) {}

    private final SeatCounters counters;

    AttendanceChanges(SeatCounters counters) {
        this.counters = counters;
    }

    /**
     * Counters last changed in [from, to). A touch without a change of the public counts (an answer awaiting
     * approval, a write that then failed) is in it too: a caller compares with what it told before.
     */
    public Flux<Counts> touchedBetween(Instant from, Instant to) {
        return counters.quiet(from, to)
                .map(c -> new Counts(c.eventId(), c.occurrenceKey(), c.going(), c.maybe(), c.waitlisted()));
    }
}
