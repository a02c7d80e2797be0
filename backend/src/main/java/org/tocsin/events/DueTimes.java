package org.tocsin.events;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.tocsin.events.internal.EventDocument;

/**
 * The events that have a time set for something to happen to them: drafts to publish at their
 * {@code publication.at}, venues kept for attendees until their {@code locationReveal.at}. {@link EventTimers}
 * asks here every minute instead of asking the store: the embedded server has no secondary indexes, so the
 * store's answer was a read of every event document, twice a minute, holding the events collection while it
 * ran (with 100,000 events, the 10-16 s stalls of every discovery page in docs/discovery-benchmark.md).
 *
 * <p>It learns every event the index is given ({@link EventIndex#put}): every write of this replica, other
 * replicas' writes through the index's poll, and every stored event at start. It only says which events to
 * look at: each is read again and claimed with one atomic update, so a stale entry publishes nothing.
 */
@Component
class DueTimes {

    private record Due(Long version, Instant publishAt, Instant revealAt) {}

    private final Map<String, Due> byEvent = new ConcurrentHashMap<>();

    /** One event's times, for the index's snapshot ({@link IndexSnapshotFile}). */
    record Entry(String id, Long version, Instant publishAt, Instant revealAt) {}

    void track(EventDocument event) {
        Instant publishAt = publishAt(event);
        Instant revealAt = revealAt(event);
        byEvent.compute(event.id(), (id, known) -> {
            if (known != null && isOlder(event.version(), known.version())) {
                return known;
            }
            return publishAt == null && revealAt == null ? null : new Due(event.version(), publishAt, revealAt);
        });
    }

    /** Every event with a time set, as the snapshot keeps them. */
    List<Entry> entries() {
        return byEvent.entrySet().stream()
                .map(e -> new Entry(
                        e.getKey(),
                        e.getValue().version(),
                        e.getValue().publishAt(),
                        e.getValue().revealAt()))
                .toList();
    }

    /** Learns an event's times as a snapshot kept them: at start, in place of {@link #track} of its document. */
    void restore(Entry entry) {
        byEvent.put(entry.id(), new Due(entry.version(), entry.publishAt(), entry.revealAt()));
    }

    /** When a draft is to be published; null for anything else (deleted, published, or a draft with no time). */
    static Instant publishAt(EventDocument event) {
        return event.deletedAt() == null && event.isDraft()
                ? event.publication().at()
                : null;
    }

    /** When a venue kept for attendees becomes public; null for anything else. */
    static Instant revealAt(EventDocument event) {
        return event.deletedAt() == null
                        && event.locationVisibility() == LocationVisibility.ATTENDEES
                        && event.locationReveal() != null
                ? event.locationReveal().at()
                : null;
    }

    /** Whether {@code time} (one of the above) has come by {@code now}. */
    static boolean due(Instant time, Instant now) {
        return time != null && !time.isAfter(now);
    }

    /** Drafts whose publication time is {@code now} or earlier, soonest first, at most {@code limit}. */
    List<String> publications(Instant now, int limit) {
        return due(Due::publishAt, now, limit);
    }

    /** Events whose venue becomes public by {@code now}, soonest first, at most {@code limit}. */
    List<String> reveals(Instant now, int limit) {
        return due(Due::revealAt, now, limit);
    }

    private List<String> due(Function<Due, Instant> time, Instant now, int limit) {
        return byEvent.entrySet().stream()
                .filter(e -> due(time.apply(e.getValue()), now))
                .sorted(Comparator.comparing(e -> time.apply(e.getValue())))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A write read out of order (a poll's overlap) never undoes a newer one. */
    private static boolean isOlder(Long version, Long known) {
        return version != null && known != null && version < known;
    }
}
