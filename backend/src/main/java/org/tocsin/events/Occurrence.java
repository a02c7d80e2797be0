package org.tocsin.events;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One occurrence of an event. {@code recurrenceId} is the original local start for occurrences of
 * a series (what RECURRENCE-ID names in a feed) and null for a one-off event; {@code start}/{@code end}
 * are the actual local times (moved if an organizer moved this one).
 */
public record Occurrence(
        LocalDateTime recurrenceId,
        LocalDateTime start,
        LocalDateTime end,
        Instant startUtc,
        Instant endUtc,
        boolean cancelled,
        boolean moved) {

    /** The occurrence as RSVPs and attendance counts name it: its original local start, or "once" for a one-off event. */
    public String key() {
        return recurrenceId == null ? ONCE : recurrenceId.toString();
    }

    public static final String ONCE = "once";

    public boolean intersects(Instant from, Instant to) {
        return startUtc.isBefore(to) && endUtc.isAfter(from);
    }
}
