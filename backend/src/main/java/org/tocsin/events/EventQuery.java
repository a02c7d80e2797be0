package org.tocsin.events;

import java.time.Instant;
import java.util.Set;

/**
 * A discovery query, resolved: the {@link EventFilter} (slugs already turned into ids, the radius into
 * a box, the text into normalised tokens), the window of occurrences, and the caller. {@code memberOf} holds the organizations whose non-public events the caller may list;
 * {@code locationsOf} those whose locations kept for attendees the caller may read, and so filter and
 * search on (for every other event, only what a stranger sees: the coarse point, the public words).
 */
record EventQuery(
        EventFilter filter,
        Instant from,
        Instant to,
        Set<String> memberOf,
        Set<String> locationsOf,
        Cursor after,
        int limit) {

    /** Where the previous page stopped: the last occurrence's start, event id and recurrence id. */
    record Cursor(Instant startUtc, String eventId, String recurrenceId) {}
}
