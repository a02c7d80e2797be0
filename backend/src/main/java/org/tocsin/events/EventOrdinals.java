package org.tocsin.events;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A number for each event id the index has seen, so {@link TermIndex} can keep its postings as compressed sets of
 * numbers instead of sets of strings. Numbers are never reused while the process runs (an event taken out keeps
 * its number, and gets the same one back).
 */
final class EventOrdinals {

    private final Map<String, Integer> byId = new HashMap<>();
    /** Read without the lock: a number handed out before is always in the array a later read sees. */
    private volatile String[] ids = new String[1024];

    /** The event's number, given it now if it has none. */
    synchronized int of(String id) {
        Integer known = byId.get(id);
        if (known != null) {
            return known;
        }
        int next = byId.size();
        if (next == ids.length) {
            ids = Arrays.copyOf(ids, next * 2);
        }
        ids[next] = id;
        byId.put(id, next);
        return next;
    }

    /** The id numbered {@code ordinal} by {@link #of}. */
    String id(int ordinal) {
        return ids[ordinal];
    }
}
