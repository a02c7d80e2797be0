package org.tocsin.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.stereotype.Component;
import org.tocsin.events.internal.EventDocument;

/**
 * The delta-sync feed's order, kept in memory for the embedded database: events by ({@code updatedAt}, id),
 * in one list per audience, as {@code EventStore.listedChanges} selects them. The embedded server answers that
 * query by reading every event document while every other reader of the collection waits (at 100,000 events,
 * an anonymous caller's 1 request a second would keep it busy; docs/discovery-benchmark.md).
 *
 * <p>{@link #listed} holds what strangers list (PUBLIC, not a draft, not taken down, not deleted), which is all a
 * stranger's page walks, so neither its items nor its work depend on anything hidden; {@link #ofHost} holds each
 * organization's own events, drafts and taken-down ones included, merged in for its members. It learns every
 * event the index is given ({@link EventIndex#put}: every write of this process). A page's ids are then read by
 * id and checked again against the documents ({@link DeltaSync}).
 */
@Component
class ChangeOrder {

    /** A position in the order: {@code updatedAt} in milliseconds (as stored), then the id. */
    record Key(long updatedAt, String id) implements Comparable<Key> {
        // Spelled out, not a Comparator chain: a start from a snapshot makes millions of these comparisons.
        @Override
        public int compareTo(Key other) {
            return compare(updatedAt, id, other.updatedAt, other.id);
        }

        static int compare(long updatedAt, String id, long otherUpdatedAt, String otherId) {
            int byTime = Long.compare(updatedAt, otherUpdatedAt);
            return byTime != 0 ? byTime : id.compareTo(otherId);
        }
    }

    private record Known(Key key, Long version, String host, boolean listed) {}

    /** One event as filed here, for the index's snapshot ({@link IndexSnapshotFile}); {@code listed} to strangers. */
    record Entry(String id, long updatedAt, Long version, String host, boolean listed) {

        static final Comparator<Entry> IN_ORDER = (a, b) -> Key.compare(a.updatedAt, a.id, b.updatedAt, b.id);
    }

    private final ConcurrentSkipListMap<Key, Boolean> listed = new ConcurrentSkipListMap<>();
    private final Map<String, ConcurrentSkipListMap<Key, Boolean>> ofHost = new ConcurrentHashMap<>();
    /** Read and changed under this object's lock only. */
    private Map<String, Known> known = new HashMap<>();

    /** Files {@code event} as it now is; {@code takenDown} as the moderators decided. */
    synchronized void track(EventDocument event, boolean takenDown) {
        Known before = known.get(event.id());
        if (before != null && isOlder(event.version(), before.version())) {
            return;
        }
        if (before != null) {
            listed.remove(before.key());
            ConcurrentSkipListMap<Key, Boolean> own = ofHost.get(before.host());
            if (own != null) {
                own.remove(before.key());
            }
            known.remove(event.id());
        }
        if (event.deletedAt() != null) {
            return;
        }
        Key key = new Key(event.updatedAt() == null ? 0 : event.updatedAt().toEpochMilli(), event.id());
        boolean toStrangers = event.visibility() == Visibility.PUBLIC && !event.isDraft() && !takenDown;
        if (toStrangers) {
            listed.put(key, Boolean.TRUE);
        }
        ofHost.computeIfAbsent(event.organizationId(), o -> new ConcurrentSkipListMap<>())
                .put(key, Boolean.TRUE);
        known.put(event.id(), new Known(key, event.version(), event.organizationId(), toStrangers));
    }

    /**
     * Every event filed here, as the snapshot keeps them: in the order's own order, which a restore puts back
     * fastest. Each organization's list is walked in order (every event is in its host's), and the merge sort then
     * merges those runs: at a stop, which has little time, instead of sorting a million scattered entries.
     */
    synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(known.size());
        for (ConcurrentSkipListMap<Key, Boolean> own : ofHost.values()) {
            for (Key key : own.keySet()) {
                Known k = known.get(key.id());
                entries.add(new Entry(key.id(), key.updatedAt(), k.version(), k.host(), k.listed()));
            }
        }
        entries.sort(Entry.IN_ORDER);
        return entries;
    }

    /**
     * Files events as a snapshot kept them: at start, in place of {@link #track} of their documents. In key order
     * (sorted here if the file was not): a skip list takes ordered keys many times faster than scattered ones, and
     * scattered puts of a million events took 10 s of a start (docs/discovery-benchmark.md).
     */
    synchronized void restoreAll(List<Entry> entries) {
        if (known.isEmpty()) {
            // Sized once, and a plain map (this lock guards it): in a profile of a 1,000,000-event restore, the
            // concurrent map's puts and its growth step by step were 40 % of this method's samples.
            known = HashMap.newHashMap(entries.size());
        }
        Entry[] inOrder = entries.toArray(Entry[]::new);
        Arrays.sort(inOrder, Entry.IN_ORDER);
        for (Entry entry : inOrder) {
            Key key = new Key(entry.updatedAt(), entry.id());
            if (entry.listed()) {
                listed.put(key, Boolean.TRUE);
            }
            ofHost.computeIfAbsent(entry.host(), o -> new ConcurrentSkipListMap<>())
                    .put(key, Boolean.TRUE);
            known.put(entry.id(), new Known(key, entry.version(), entry.host(), entry.listed()));
        }
    }

    /**
     * The ids after {@code (afterAt, afterId)} and at the latest at {@code upTo}, in order, at most {@code limit}:
     * strangers' events, and with {@code memberOf} those organizations' own.
     */
    List<String> after(Instant afterAt, String afterId, Instant upTo, Set<String> memberOf, int limit) {
        Key from = new Key(afterAt.toEpochMilli(), afterId);
        Key to = new Key(upTo.toEpochMilli(), String.valueOf(Character.MAX_VALUE));
        List<Key> found = new ArrayList<>(first(listed, from, to, limit));
        for (String organization : memberOf) {
            ConcurrentSkipListMap<Key, Boolean> own = ofHost.get(organization);
            if (own != null) {
                found.addAll(first(own, from, to, limit));
            }
        }
        // An organization's public event is in both lists: listed once.
        return found.stream().distinct().sorted().limit(limit).map(Key::id).toList();
    }

    private static List<Key> first(NavigableMap<Key, Boolean> order, Key from, Key to, int limit) {
        if (from.compareTo(to) >= 0) {
            // A position past the horizon (a caller asking for changes since a moment ago): nothing yet.
            return List.of();
        }
        return order.subMap(from, false, to, true).keySet().stream()
                .limit(limit)
                .toList();
    }

    /** A write read out of order never undoes a newer one. */
    private static boolean isOlder(Long version, Long known) {
        return version != null && known != null && version < known;
    }
}
