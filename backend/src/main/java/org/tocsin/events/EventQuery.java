package org.tocsin.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.tocsin.places.Geo;

/**
 * A discovery query, resolved: slugs already turned into ids, the radius into a box, the text into
 * normalised tokens. {@code memberOf} holds the organizations whose non-public events the caller may list;
 * {@code locationsOf} those whose locations kept for attendees the caller may read, and so filter and
 * search on (for every other event, only what a stranger sees: the coarse point, the public words).
 */
record EventQuery(String cityKey, String country, Geo.Box box, Double lat, Double lon, Double radiusKm,
        Instant from, Instant to, EventKind kind, String tag, String campaignId, String organizationId,
        List<String> text, Set<String> memberOf, Set<String> locationsOf, Cursor after, int limit) {

    /** Where the previous page stopped: the last occurrence's start, event id and recurrence id. */
    record Cursor(Instant startUtc, String eventId, String recurrenceId) {
    }
}
