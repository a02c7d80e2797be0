package org.tocsin.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tocsin.events.internal.EventDocument;

/**
 * What {@link EventIndex} keeps of one listed event: only what filtering, ordering, counting and feed
 * versions read, with repeated strings (organizations, cities, tags, search terms) shared between events
 * ({@link String#intern}), and its occurrences as timeline keys of primitive fields. Titles,
 * descriptions, venues and the rest are read from the store for the page being shown (issue 16:
 * 11.7 KB per event with whole documents, docs/discovery-benchmark.md). {@code lat}/{@code lon} are NaN
 * for none; {@code lastEndUtc} is {@link Long#MAX_VALUE} for a series without end.
 */
record IndexedEvent(
        String id,
        String organizationId,
        String campaignId,
        List<String> coHosts,
        EventKind kind,
        EventStatus status,
        Visibility visibility,
        LocationVisibility locationVisibility,
        List<String> tags,
        List<String> languages,
        Set<AccessibilityFeature> accessibility,
        boolean placed,
        String city,
        String countryCode,
        String cityKey,
        double lat,
        double lon,
        long startUtc,
        long lastEndUtc,
        long updatedAt,
        int sequence,
        Long version,
        EventSearch.Terms terms,
        Key[] occurrences) {

    /** The host, then its accepted co-hosts: each one's members list the event as the host's do. */
    List<String> hosts() {
        if (coHosts.isEmpty()) {
            return List.of(organizationId);
        }
        List<String> all = new ArrayList<>(coHosts.size() + 1);
        all.add(organizationId);
        all.addAll(coHosts);
        return all;
    }

    /** Whether one of {@code organizations} hosts or co-hosts the event. */
    boolean hostedByAnyOf(Set<String> organizations) {
        if (organizations.contains(organizationId)) {
            return true;
        }
        for (String coHost : coHosts) {
            if (organizations.contains(coHost)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One occurrence on the timeline, in the order discovery pages by: start, event id, then the original
     * local start of a series date ({@link #ONCE}, first, for a one-off event). The original start is kept
     * as a number; a cursor's key carries the text it was sent with, and compares as text, as the
     * {@code recurrenceId} strings did (for real dates the two orders agree: ISO local date-times
     * sort as text in time order).
     */
    static final class Key implements Comparable<Key> {
        static final long ONCE = Long.MIN_VALUE;

        final long startUtc;
        final long endUtc;
        final String eventId;
        final long recurrence;
        /** Only on a cursor's key: the recurrence id exactly as sent. */
        private final String sentRecurrence;

        Key(long startUtc, long endUtc, String eventId, long recurrence) {
            this(startUtc, endUtc, eventId, recurrence, null);
        }

        private Key(long startUtc, long endUtc, String eventId, long recurrence, String sentRecurrence) {
            this.startUtc = startUtc;
            this.endUtc = endUtc;
            this.eventId = eventId;
            this.recurrence = recurrence;
            this.sentRecurrence = sentRecurrence;
        }

        /** Where a page that ended at the cursor goes on: after this key. */
        static Key cursor(long startUtc, String eventId, String recurrenceId) {
            return new Key(startUtc, startUtc, eventId, ONCE, recurrenceId);
        }

        static long recurrence(LocalDateTime original) {
            return original == null
                    ? ONCE
                    : Math.addExact(
                            Math.multiplyExact(original.toEpochSecond(ZoneOffset.UTC), 1_000_000_000L),
                            original.getNano());
        }

        /** The original local start of a series date; null for a one-off event. */
        LocalDateTime original() {
            return recurrence == ONCE
                    ? null
                    : LocalDateTime.ofEpochSecond(
                            Math.floorDiv(recurrence, 1_000_000_000L),
                            (int) Math.floorMod(recurrence, 1_000_000_000L),
                            ZoneOffset.UTC);
        }

        /** As cursors and feeds name it: the original local start, or "" for a one-off event. */
        String recurrenceId() {
            if (sentRecurrence != null) {
                return sentRecurrence;
            }
            LocalDateTime original = original();
            return original == null ? "" : original.toString();
        }

        Instant start() {
            return Instant.ofEpochMilli(startUtc);
        }

        Instant end() {
            return Instant.ofEpochMilli(endUtc);
        }

        @Override
        public int compareTo(Key other) {
            int c = Long.compare(startUtc, other.startUtc);
            if (c != 0) {
                return c;
            }
            c = eventId.compareTo(other.eventId);
            if (c != 0) {
                return c;
            }
            if (sentRecurrence == null && other.sentRecurrence == null) {
                return Long.compare(recurrence, other.recurrence);
            }
            return recurrenceId().compareTo(other.recurrenceId());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && compareTo(k) == 0;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(startUtc) * 31 + eventId.hashCode();
        }
    }

    static IndexedEvent of(EventDocument e, List<Occurrence> occurrences) {
        EventDocument.Place p = e.place();
        Key[] keys = new Key[occurrences.size()];
        for (int i = 0; i < keys.length; i++) {
            Occurrence o = occurrences.get(i);
            keys[i] = new Key(
                    o.startUtc().toEpochMilli(), o.endUtc().toEpochMilli(), e.id(), Key.recurrence(o.recurrenceId()));
        }
        return new IndexedEvent(
                e.id(),
                intern(e.organizationId()),
                intern(e.campaignId()),
                e.coHosts() == null ? List.of() : interned(e.coHosts()),
                e.kind(),
                e.status(),
                e.visibility(),
                e.locationVisibility(),
                interned(e.tags()),
                interned(e.languages()),
                e.accessibility() == null
                        ? null
                        : e.accessibility().features().isEmpty()
                                ? Set.of()
                                : Set.copyOf(EnumSet.copyOf(e.accessibility().features())),
                p != null,
                p == null ? null : intern(p.city()),
                p == null ? null : intern(p.countryCode()),
                p == null ? null : intern(p.cityKey()),
                p == null || p.lat() == null ? Double.NaN : p.lat(),
                p == null || p.lon() == null ? Double.NaN : p.lon(),
                e.startUtc().toEpochMilli(),
                e.lastEndUtc() == null ? Long.MAX_VALUE : e.lastEndUtc().toEpochMilli(),
                e.updatedAt() == null ? 0 : e.updatedAt().toEpochMilli(),
                e.sequence(),
                e.version(),
                interned(EventSearch.termsOf(e)),
                keys);
    }

    /** The lean view of a stored event with no occurrences: for checks that read only its fields. */
    static IndexedEvent of(EventDocument e) {
        return of(e, List.of());
    }

    private static EventSearch.Terms interned(EventSearch.Terms terms) {
        return new EventSearch.Terms(interned(terms.visible()), interned(terms.hidden()));
    }

    private static List<String> interned(List<String> strings) {
        if (strings == null) {
            return null;
        }
        return strings.isEmpty()
                ? List.of()
                : List.of(strings.stream().map(String::intern).toArray(String[]::new));
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }

    boolean hasCoordinates() {
        return placed && !Double.isNaN(lat);
    }
}
