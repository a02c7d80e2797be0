package org.tocsin.events;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * Search term to the events that carry it, for finding a rare word's few events without walking the timeline.
 * Each term's events are a compressed set of their numbers ({@link EventOrdinals}): with about twenty terms per
 * event, sets of id strings were the largest part of the heap (~40 bytes per posting; docs/discovery-benchmark.md).
 *
 * <p>Writers are the index's, one at a time (or, at a start from a snapshot, adders only); readers run alongside
 * them, so each set is read and changed under its own lock.
 */
final class TermIndex {

    private final EventOrdinals ordinals;
    /** In term order, for the prefix walks of searches. */
    private final ConcurrentSkipListMap<String, RoaringBitmap> byTerm = new ConcurrentSkipListMap<>();
    /**
     * The same sets by exact term, for adding: a hash look-up instead of a walk down the sorted map's levels, with
     * about twenty terms an event (in a profile of a start's placing of the index snapshot, adding postings was a
     * quarter of the samples, and those walks about half of that).
     */
    private final ConcurrentHashMap<String, RoaringBitmap> exact = new ConcurrentHashMap<>();

    TermIndex(EventOrdinals ordinals) {
        this.ordinals = ordinals;
    }

    void add(List<String> terms, String eventId) {
        int ordinal = ordinals.of(eventId);
        for (String term : terms) {
            RoaringBitmap events =
                    exact.computeIfAbsent(term, t -> byTerm.computeIfAbsent(t, x -> new RoaringBitmap()));
            synchronized (events) {
                events.add(ordinal);
            }
        }
    }

    void remove(List<String> terms, String eventId) {
        int ordinal = ordinals.of(eventId);
        for (String term : terms) {
            byTerm.computeIfPresent(term, (t, events) -> {
                synchronized (events) {
                    events.remove(ordinal);
                    if (!events.isEmpty()) {
                        return events;
                    }
                    exact.remove(t, events);
                    return null;
                }
            });
        }
    }

    /**
     * The events having a term that starts with {@code prefix}, if they are at most {@code limit}; null when
     * there are more (walking the timeline is then as quick).
     */
    Set<String> eventsWithPrefix(String prefix, int limit) {
        Set<String> found = new HashSet<>();
        for (RoaringBitmap events :
                byTerm.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
            synchronized (events) {
                // Checked before copying: a common word's own set can hold most of the events.
                if (events.getLongCardinality() > limit) {
                    return null;
                }
                events.forEach((int ordinal) -> found.add(ordinals.id(ordinal)));
            }
            if (found.size() > limit) {
                return null;
            }
        }
        return found;
    }
}
