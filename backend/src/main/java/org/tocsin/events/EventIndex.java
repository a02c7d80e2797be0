package org.tocsin.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tocsin.campaigns.CampaignCities;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import org.tocsin.places.Geo;
import org.tocsin.places.PlaceService;
import org.tocsin.storage.DatabaseSharing;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The in-process read model behind discovery: every occurrence in the indexed span on one
 * time-ordered skip list, so a query walks forward from {@code from} and stops at {@code limit}
 * matches instead of scanning the database (the embedded server has no usable secondary indexes).
 * Every write of this replica updates it before the write answers ({@link #indexed}), so a writer
 * reads its own write; other replicas' writes arrive by polling {@code updatedAt}; a daily rebuild
 * moves the span along.
 */
@Component
class EventIndex implements SmartInitializingSingleton, CampaignCities {

    private static final Logger log = LoggerFactory.getLogger(EventIndex.class);
    /** Series occurrences are indexed from this far back to {@link #AHEAD} ahead; one-off events whatever their date. */
    static final Duration BEHIND = Duration.ofDays(366);

    static final Duration AHEAD = Duration.ofDays(2 * 366);
    static final Duration POLL_OVERLAP = Duration.ofMinutes(1);
    /** Below this many events matching the words, answer from them; above, walking the timeline is as quick. */
    static final int FEW_CANDIDATES = 2_000;

    record Key(Instant startUtc, String eventId, String recurrenceId) implements Comparable<Key> {
        private static final Comparator<Key> ORDER =
                Comparator.comparing(Key::startUtc).thenComparing(Key::eventId).thenComparing(Key::recurrenceId);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    record Entry(EventDocument event, Occurrence occurrence) {}

    private final EventStore store;
    private final Clock clock;
    private final Takedowns takedowns;
    private final PlaceService places;
    /**
     * PUBLIC events' occurrences. Non-public ones are on their organization's own timeline, which only
     * its members' queries walk: what and how much a query walks never depends on events the caller
     * may not list.
     */
    private final ConcurrentSkipListMap<Key, Entry> timeline = new ConcurrentSkipListMap<>();

    private final Map<String, ConcurrentSkipListMap<Key, Entry>> membersTimelines = new ConcurrentHashMap<>();
    private final Map<String, List<Key>> keysByEvent = new ConcurrentHashMap<>();
    private final Map<String, EventDocument> events = new ConcurrentHashMap<>();
    /**
     * Search term to the PUBLIC events that carry it where anyone may read it: a rare word finds its few
     * events without walking the timeline. Nothing else is in it, so that which path a stranger's query
     * takes, and how long it takes, cannot depend on a hidden venue or a non-public event.
     */
    private final ConcurrentSkipListMap<String, Set<String>> eventsByTerm = new ConcurrentSkipListMap<>();
    /** Per organization, the words of its non-public events: looked up only for its members. */
    private final Map<String, ConcurrentSkipListMap<String, Set<String>>> membersEventsByTerm =
            new ConcurrentHashMap<>();
    /** Per organization, the words of its hidden venues: looked up only for those who may read them. */
    private final Map<String, ConcurrentSkipListMap<String, Set<String>>> hiddenEventsByTerm =
            new ConcurrentHashMap<>();

    private final Map<String, EventSearch.Terms> termsByEvent = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> seenUpTo = new AtomicReference<>(Instant.EPOCH);
    /** Rises with every change applied, so a reader can tell that what it derived from the index still holds. */
    private final AtomicLong generation = new AtomicLong();
    /** Other replicas write only to a shared database; the in-process embedded server is this process's alone. */
    private final boolean sharedDatabase;
    /** One poll at a time: a slow one (a large store, a busy database) must not pile up behind the next tick. */
    private final AtomicBoolean polling = new AtomicBoolean();

    EventIndex(EventStore store, Clock clock, Takedowns takedowns, PlaceService places, DatabaseSharing sharing) {
        this.store = store;
        this.places = places;
        this.clock = clock;
        this.takedowns = takedowns;
        this.sharedDatabase = sharing.othersWrite();
    }

    /** Loaded before the server takes requests: discovery answers completely from the first request on. */
    @Override
    public void afterSingletonsInstantiated() {
        // What the moderators took down is known first: a hidden event must not be indexed at start.
        takedowns.loaded().block();
        List<EventDocument> all =
                store.live(clock.instant().minus(BEHIND)).collectList().block();
        Objects.requireNonNull(all).forEach(this::put);
        log.info(
                "Event index loaded {} events, {} occurrences",
                events.size(),
                keysByEvent.values().stream().mapToInt(List::size).sum());
    }

    /**
     * Catches up with writes made by other replicas: every {@code tocsin.events.index-poll} (1 s) after the
     * previous poll ended, so another replica's write is in this index within that interval plus one poll's
     * time (docs/replicas.md). The takedowns are read first, so an event hidden by another replica is never
     * indexed as visible in between. Skipped on the in-process embedded server: every write there is this
     * process's own and already indexed by the write itself ({@link #indexed}), and that server answers
     * {@code updatedAt > x} by deserializing every event document (it ignores secondary indexes), which with
     * 100,000 events cost a scan per poll (docs/discovery-benchmark.md).
     */
    @Scheduled(fixedDelayString = "${tocsin.events.index-poll:PT1S}", initialDelayString = "PT1S")
    void poll() {
        if (!sharedDatabase || !polling.compareAndSet(false, true)) {
            return;
        }
        // A minute of overlap: another replica's write may carry an updatedAt a little older than one of
        // ours already seen (clocks, slow commits). Re-reading a few events is harmless: put() keeps the newest.
        Instant since = seenUpTo.get().minus(POLL_OVERLAP);
        takedowns
                .refresh()
                .thenMany(store.changedSince(since))
                .doFinally(signal -> polling.set(false))
                .subscribe(this::put, e -> log.warn("Event index poll failed: {}", e.toString()));
    }

    /** Moves the indexed span along once a day. */
    @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
    void rebuildSpan() {
        List.copyOf(events.values()).forEach(this::put);
    }

    /**
     * A write of this replica, indexed before the write answers: its writer, and anyone it tells, read
     * it at once. The recurrence is expanded on a worker, outside the index's lock.
     */
    Mono<EventDocument> indexed(EventDocument event) {
        return Mono.fromCallable(() -> {
                    put(event);
                    return event;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * A batch of new events (a bulk import's), indexed in one step: expanded outside the lock, applied
     * under it once, one generation for all of them, so readers re-derive what they cached once per batch.
     */
    Mono<Void> indexedAll(List<EventDocument> batch) {
        return Mono.fromRunnable(() -> {
                    List<Boolean> gone = batch.stream().map(this::gone).toList();
                    List<List<Occurrence>> occurrences = new java.util.ArrayList<>(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        occurrences.add(gone.get(i) ? List.of() : occurrencesOf(batch.get(i)));
                    }
                    synchronized (this) {
                        for (int i = 0; i < batch.size(); i++) {
                            apply(batch.get(i), occurrences.get(i), gone.get(i));
                        }
                        generation.incrementAndGet();
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    void put(EventDocument event) {
        boolean gone = gone(event);
        List<Occurrence> occurrences = gone ? List.of() : occurrencesOf(event);
        synchronized (this) {
            apply(event, occurrences, gone);
            // After the change, not before: a reader that saw the old number re-derives what it cached.
            generation.incrementAndGet();
        }
    }

    private List<Occurrence> occurrencesOf(EventDocument event) {
        Instant now = clock.instant();
        EventSchedule schedule = EventSchedule.of(event);
        return schedule.isSeries()
                ? schedule.between(now.minus(BEHIND), now.plus(AHEAD), EventSchedule.MAX_OCCURRENCES)
                : List.of(new Occurrence(null, null, null, event.startUtc(), event.endUtc(), false, false));
    }

    /**
     * Deleted, a draft not yet out, or taken down by the platform's moderators (itself or its organization):
     * each out of the index altogether, so no list, count, search, feed or ETag can tell them apart.
     */
    private boolean gone(EventDocument event) {
        return unlisted(event) || takedowns.hides(event.id(), event.organizationId());
    }

    private void apply(EventDocument event, List<Occurrence> occurrences, boolean gone) {
        seenUpTo.accumulateAndGet(event.updatedAt(), (a, b) -> b.isAfter(a) ? b : a);
        EventDocument known = events.get(event.id());
        if (known != null && known.version() != null && event.version() != null && known.version() > event.version()) {
            return;
        }
        List<Key> old = keysByEvent.remove(event.id());
        if (old != null && known != null) {
            old.forEach(timelineOf(known)::remove);
        }
        EventSearch.Terms knownTerms = termsByEvent.remove(event.id());
        if (known != null && knownTerms != null) {
            unindex(termsIndexOf(known), knownTerms.visible(), event.id());
            unindex(
                    hiddenEventsByTerm.computeIfAbsent(known.organizationId(), o -> new ConcurrentSkipListMap<>()),
                    knownTerms.hidden(),
                    event.id());
        }
        if (gone) {
            events.remove(event.id());
            return;
        }
        events.put(event.id(), event);
        EventSearch.Terms terms = EventSearch.termsOf(event);
        termsByEvent.put(event.id(), terms);
        ConcurrentSkipListMap<String, Set<String>> visibleTo = termsIndexOf(event);
        for (String term : terms.visible()) {
            visibleTo.computeIfAbsent(term, t -> ConcurrentHashMap.newKeySet()).add(event.id());
        }
        if (!terms.hidden().isEmpty()) {
            ConcurrentSkipListMap<String, Set<String>> hidden =
                    hiddenEventsByTerm.computeIfAbsent(event.organizationId(), o -> new ConcurrentSkipListMap<>());
            for (String term : terms.hidden()) {
                hidden.computeIfAbsent(term, t -> ConcurrentHashMap.newKeySet()).add(event.id());
            }
        }
        List<Key> keys = new ArrayList<>(occurrences.size());
        ConcurrentSkipListMap<Key, Entry> into = timelineOf(event);
        for (Occurrence occurrence : occurrences) {
            Key key = new Key(
                    occurrence.startUtc(),
                    event.id(),
                    occurrence.recurrenceId() == null
                            ? ""
                            : occurrence.recurrenceId().toString());
            into.put(key, new Entry(event, occurrence));
            keys.add(key);
        }
        keysByEvent.put(event.id(), keys);
    }

    /** Deleted, or a draft: in no list, feed, count or search, for anyone (members find drafts in their own list). */
    private static boolean unlisted(EventDocument event) {
        return event.deletedAt() != null || event.isDraft();
    }

    private ConcurrentSkipListMap<Key, Entry> timelineOf(EventDocument event) {
        return event.visibility() == Visibility.PUBLIC
                ? timeline
                : membersTimelines.computeIfAbsent(event.organizationId(), o -> new ConcurrentSkipListMap<>());
    }

    private ConcurrentSkipListMap<String, Set<String>> termsIndexOf(EventDocument event) {
        return event.visibility() == Visibility.PUBLIC
                ? eventsByTerm
                : membersEventsByTerm.computeIfAbsent(event.organizationId(), o -> new ConcurrentSkipListMap<>());
    }

    private static void unindex(ConcurrentSkipListMap<String, Set<String>> index, List<String> terms, String id) {
        for (String term : terms) {
            index.computeIfPresent(term, (t, ids) -> ids.remove(id) && ids.isEmpty() ? null : ids);
        }
    }

    /** Occurrences matching the query, in start order, at most {@code limit + 1} (the extra one says there is more). */
    List<Entry> search(EventQuery query) {
        Key start = query.after() != null
                ? new Key(
                        query.after().startUtc(),
                        query.after().eventId(),
                        query.after().recurrenceId())
                : new Key(query.from().minus(EventRules.MAX_DURATION), "", "");
        Set<String> candidates = query.filter().text().isEmpty() ? null : textCandidates(query);
        if (candidates != null && candidates.size() <= FEW_CANDIDATES) {
            return searchAmong(candidates, start, query);
        }
        List<Entry> hits = new ArrayList<>(query.limit() + 1);
        for (Map.Entry<Key, Entry> e : walk(start, query.memberOf())) {
            if (!e.getKey().startUtc().isBefore(query.to())) {
                break;
            }
            Entry entry = e.getValue();
            if (entry.occurrence().endUtc().isAfter(query.from()) && matches(entry.event(), query)) {
                hits.add(entry);
                if (hits.size() > query.limit()) {
                    break;
                }
            }
        }
        return hits;
    }

    /**
     * A superset of the events having, for every query word, a term that starts with it, built only
     * from words that are rare (at most FEW_CANDIDATES events each); null when every word is common,
     * and walking the timeline is cheaper than collecting their events. The full match is checked later.
     */
    private Set<String> textCandidates(EventQuery query) {
        // Which indexes this caller's words are looked up in: the public one, their organizations' own.
        List<ConcurrentSkipListMap<String, Set<String>>> indexes = new ArrayList<>();
        indexes.add(eventsByTerm);
        query.memberOf().forEach(o -> indexes.add(membersEventsByTerm.get(o)));
        query.locationsOf().forEach(o -> indexes.add(hiddenEventsByTerm.get(o)));
        Set<String> result = null;
        for (String token : query.filter().text()) {
            Set<String> forToken = new HashSet<>();
            for (ConcurrentSkipListMap<String, Set<String>> index : indexes) {
                Set<String> found = index == null ? Set.of() : rareEvents(index, token);
                if (found == null) {
                    forToken = null;
                    break;
                }
                forToken.addAll(found);
            }
            if (forToken == null) {
                continue;
            }
            if (result == null) {
                result = forToken;
            } else {
                result.retainAll(forToken);
            }
            if (result.isEmpty()) {
                break;
            }
        }
        return result;
    }

    private static Set<String> rareEvents(ConcurrentSkipListMap<String, Set<String>> index, String prefix) {
        Set<String> events = new HashSet<>();
        for (Set<String> ids :
                index.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
            // Checked before copying: a common word's own set can hold most of the events.
            if (ids.size() > FEW_CANDIDATES) {
                return null;
            }
            events.addAll(ids);
            if (events.size() > FEW_CANDIDATES) {
                return null;
            }
        }
        return events;
    }

    /** The same answer as walking the timeline, from a few candidate events' own occurrences. */
    private List<Entry> searchAmong(Set<String> candidates, Key start, EventQuery query) {
        List<Key> keys = new ArrayList<>();
        for (String id : candidates) {
            for (Key key : keysByEvent.getOrDefault(id, List.of())) {
                if (key.compareTo(start) > 0 && key.startUtc().isBefore(query.to())) {
                    keys.add(key);
                }
            }
        }
        keys.sort(null);
        List<Entry> hits = new ArrayList<>(query.limit() + 1);
        for (Key key : keys) {
            EventDocument event = events.get(key.eventId());
            Entry entry = event == null ? null : timelineOf(event).get(key);
            if (entry != null && entry.occurrence().endUtc().isAfter(query.from()) && matches(entry.event(), query)) {
                hits.add(entry);
                if (hits.size() > query.limit()) {
                    break;
                }
            }
        }
        return hits;
    }

    /**
     * The occurrences a caller may list, in order, from {@code start}: the public timeline, merged with
     * the timelines of the caller's own organizations (a stranger walks the public one alone).
     */
    private Iterable<Map.Entry<Key, Entry>> walk(Key start, Set<String> memberOf) {
        List<Iterator<Map.Entry<Key, Entry>>> sources = new ArrayList<>();
        sources.add(timeline.tailMap(start, false).entrySet().iterator());
        for (String organizationId : memberOf) {
            ConcurrentSkipListMap<Key, Entry> own = membersTimelines.get(organizationId);
            if (own != null) {
                sources.add(own.tailMap(start, false).entrySet().iterator());
            }
        }
        if (sources.size() == 1) {
            Iterator<Map.Entry<Key, Entry>> only = sources.getFirst();
            return () -> only;
        }
        return () -> new Merged(sources);
    }

    /** Several ordered iterators as one ordered iterator. */
    private static final class Merged implements Iterator<Map.Entry<Key, Entry>> {
        private record Head(Map.Entry<Key, Entry> entry, Iterator<Map.Entry<Key, Entry>> rest) {}

        private final PriorityQueue<Head> heads =
                new PriorityQueue<>(Comparator.comparing(h -> h.entry().getKey()));

        Merged(List<Iterator<Map.Entry<Key, Entry>>> sources) {
            sources.forEach(this::advance);
        }

        private void advance(Iterator<Map.Entry<Key, Entry>> source) {
            if (source.hasNext()) {
                heads.add(new Head(source.next(), source));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Map.Entry<Key, Entry> next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.rest());
            return head.entry();
        }
    }

    private boolean matches(EventDocument event, EventQuery q) {
        if (!EventAudience.lists(event, q.memberOf())) {
            return false;
        }
        return q.filter()
                .matches(event, termsByEvent.get(event.id()), q.locationsOf().contains(event.organizationId()));
    }

    /** The words {@code q=} searches in one event, as indexed; null for an event not in the index. */
    EventSearch.Terms termsOf(String eventId) {
        return termsByEvent.get(eventId);
    }

    @Override
    public Mono<List<CityCount>> citiesOf(String campaignId) {
        return Mono.fromSupplier(() -> {
            Map<String, CityCount> counts = new HashMap<>();
            for (EventDocument event : events.values()) {
                if (!campaignId.equals(event.campaignId()) || event.visibility() != Visibility.PUBLIC) {
                    continue;
                }
                EventDocument.Place p = event.place();
                String key = p == null ? "online" : p.cityKey();
                counts.merge(
                        key,
                        p == null
                                ? new CityCount("online", null, "online", null, null, 1)
                                : new CityCount(
                                        p.city(),
                                        p.countryCode(),
                                        p.cityKey(),
                                        p.lat() == null ? null : Geo.coarse(p.lat()),
                                        p.lon() == null ? null : Geo.coarse(p.lon()),
                                        1),
                        (a, b) -> new CityCount(
                                a.city(),
                                a.countryCode(),
                                a.cityKey(),
                                a.lat() != null ? a.lat() : b.lat(),
                                a.lon() != null ? a.lon() : b.lon(),
                                a.events() + 1));
            }
            return counts.values().stream()
                    .map(c -> c.withNames(places.names(c.cityKey())))
                    .sorted(Comparator.comparingLong(CityCount::events)
                            .reversed()
                            .thenComparing(CityCount::cityKey))
                    .toList();
        });
    }

    /** Cities with upcoming public events, for the city list: key, name, country and count. */
    List<CityCount> upcomingCities() {
        Instant now = clock.instant();
        Map<String, CityCount> counts = new HashMap<>();
        for (EventDocument event : events.values()) {
            EventDocument.Place p = event.place();
            if (p == null
                    || event.visibility() != Visibility.PUBLIC
                    || event.lastEndUtc() != null && event.lastEndUtc().isBefore(now)) {
                continue;
            }
            counts.merge(
                    p.cityKey(),
                    new CityCount(p.city(), p.countryCode(), p.cityKey(), null, null, 1),
                    (a, b) -> new CityCount(a.city(), a.countryCode(), a.cityKey(), null, null, a.events() + 1));
        }
        return counts.values().stream()
                .map(c -> c.withNames(places.names(c.cityKey())))
                .sorted(Comparator.comparing(CityCount::countryCode).thenComparing(CityCount::city))
                .toList();
    }

    long generation() {
        return generation.get();
    }

    /** The event as indexed; null when unknown or deleted. */
    EventDocument event(String id) {
        return events.get(id);
    }

    java.util.Collection<EventDocument> events() {
        return events.values();
    }
}
