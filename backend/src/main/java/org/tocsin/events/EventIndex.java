package org.tocsin.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
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
class EventIndex implements SmartInitializingSingleton, SmartLifecycle, CampaignCities {

    private static final Logger log = LoggerFactory.getLogger(EventIndex.class);
    /** Series occurrences are indexed from this far back to {@link #AHEAD} ahead; one-off events whatever their date. */
    static final Duration BEHIND = Duration.ofDays(366);

    static final Duration AHEAD = Duration.ofDays(2 * 366);
    static final Duration POLL_OVERLAP = Duration.ofMinutes(1);
    /** Below this many events matching the words, answer from them; above, walking the timeline is as quick. */
    static final int FEW_CANDIDATES = 2_000;

    /** A timeline key; see {@link IndexedEvent.Key}. */
    /** One occurrence found: the event as indexed, and its key (start, end and original start). */
    record Hit(IndexedEvent event, IndexedEvent.Key key) {

        /** The occurrence as the event's {@code document} (read from the store) has it; empty if it has none there now. */
        java.util.Optional<Occurrence> occurrenceIn(EventDocument document) {
            java.time.LocalDateTime original = key.original();
            if (original == null) {
                return document.recurrence() != null
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(new Occurrence(null, null, null, key.start(), key.end(), false, false));
            }
            return document.recurrence() == null
                    ? java.util.Optional.empty()
                    : EventSchedule.of(document).occurrenceAt(original);
        }
    }

    private final EventStore store;
    private final Clock clock;
    private final Takedowns takedowns;
    private final PlaceService places;
    private final DueTimes dueTimes;
    private final ChangeOrder changeOrder;
    private final IndexSnapshots snapshots;
    /**
     * PUBLIC events' occurrences. Non-public ones are on their organization's own timeline, which only
     * its members' queries walk: what and how much a query walks never depends on events the caller
     * may not list.
     */
    private final ConcurrentSkipListMap<IndexedEvent.Key, IndexedEvent> timeline = new ConcurrentSkipListMap<>();

    private final Map<String, ConcurrentSkipListMap<IndexedEvent.Key, IndexedEvent>> membersTimelines =
            new ConcurrentHashMap<>();
    private final Map<String, IndexedEvent> events = new ConcurrentHashMap<>();
    /** The events' numbers in the term indexes below, shared by all of them. */
    private final EventOrdinals ordinals = new EventOrdinals();
    /**
     * Search term to the PUBLIC events that carry it where anyone may read it: a rare word finds its few
     * events without walking the timeline. Nothing else is in it, so that which path a stranger's query
     * takes, and how long it takes, cannot depend on a hidden venue or a non-public event.
     */
    private final TermIndex eventsByTerm = new TermIndex(ordinals);
    /** Per organization, the words of its non-public events: looked up only for its members. */
    private final Map<String, TermIndex> membersEventsByTerm = new ConcurrentHashMap<>();
    /** Per organization, the words of its hidden venues: looked up only for those who may read them. */
    private final Map<String, TermIndex> hiddenEventsByTerm = new ConcurrentHashMap<>();

    private final AtomicReference<Instant> seenUpTo = new AtomicReference<>(Instant.EPOCH);
    /** Rises with every change applied, so a reader can tell that what it derived from the index still holds. */
    private final AtomicLong generation = new AtomicLong();
    /** Other replicas write only to a shared database; the in-process embedded server is this process's alone. */
    private final boolean sharedDatabase;
    /** One poll at a time: a slow one (a large store, a busy database) must not pile up behind the next tick. */
    private final AtomicBoolean polling = new AtomicBoolean();
    /** Set, under the index's lock, once the snapshot of a clean stop is written: a later change voids it. */
    private boolean snapshotWritten;

    private volatile boolean running;

    /**
     * The snapshot read and placed from construction on, on workers, beside the rest of start-up (it takes 2-3 s of
     * a core at 100,000 events, docs/discovery-benchmark.md); null when there was none to trust.
     * {@link #afterSingletonsInstantiated} waits for it. Nothing else touches the index before that.
     */
    private final CompletableFuture<Restored> restoring;

    /** How long the snapshot took to read and place, and in how many batches. */
    private record Restored(long millis, int batches) {}

    EventIndex(
            EventStore store,
            Clock clock,
            Takedowns takedowns,
            PlaceService places,
            DueTimes dueTimes,
            ChangeOrder changeOrder,
            IndexSnapshots snapshots,
            DatabaseSharing sharing) {
        this.store = store;
        this.snapshots = snapshots;
        this.dueTimes = dueTimes;
        this.changeOrder = changeOrder;
        this.places = places;
        this.clock = clock;
        this.takedowns = takedowns;
        this.sharedDatabase = sharing.othersWrite();
        this.restoring = restoreFromSnapshot().toFuture();
    }

    /**
     * Reads the snapshot and places its events as they are read, a batch at a time, on as many threads as there are
     * cores (no two events share an id, so batches go in any order), then files the delta-sync order and the due
     * times on one of them while this thread fills the timelines: all of a start's cores busy until the index is
     * whole (docs/discovery-benchmark.md). The timelines are filled last, in key order: a skip list takes keys in
     * order many times faster than scattered ones (each put then walks nodes the previous one just visited), and at
     * 1,000,000 events scattered puts were half of a start's work. The snapshot lists public events in the order of
     * their first occurrence, so those first occurrences are in key order as read, batch after batch, with no sort;
     * only the rest (a series' later dates, non-public events) is sorted. If reading fails part way, every batch
     * handed on is placed all the same before the store is read instead: those events are as the database holds
     * them (the snapshot matched it), and reading the store puts each again over its own entry.
     */
    private Mono<Restored> restoreFromSnapshot() {
        return Mono.defer(() -> {
            long began = System.nanoTime();
            ExecutorService placers = Executors.newFixedThreadPool(
                    Runtime.getRuntime().availableProcessors(),
                    Thread.ofPlatform().name("event-index-place-", 0).daemon().factory());
            Queue<Future<Placements>> placing = new ConcurrentLinkedQueue<>();
            return snapshots
                    .take(batch -> placing.add(placers.submit(() -> placeOffTimelines(batch))))
                    .mapNotNull(found -> {
                        int batches = placing.size();
                        // On a placer (they are done or nearly by now), beside the merge of the timelines.
                        Future<?> filing = placers.submit(() -> found.ifPresent(snapshot -> {
                            changeOrder.restoreAll(snapshot.changes());
                            snapshot.due().forEach(dueTimes::restore);
                        }));
                        try {
                            placeOnTimelines(placing);
                            result(filing);
                        } finally {
                            placers.shutdown();
                        }
                        if (found.isEmpty()) {
                            return null;
                        }
                        generation.incrementAndGet();
                        return new Restored((System.nanoTime() - began) / 1_000_000, batches);
                    });
        });
    }

    /** An occurrence to put on a timeline, once a restore has placed every event elsewhere. */
    private record Placement(
            ConcurrentSkipListMap<IndexedEvent.Key, IndexedEvent> timeline, IndexedEvent.Key key, IndexedEvent event) {

        static final Comparator<Placement> BY_KEY = (a, b) -> a.key.compareTo(b.key);
    }

    /**
     * A batch's occurrences for the timelines: its public events' first occurrences, in key order as the snapshot
     * lists them, and the others, sorted here.
     */
    private record Placements(List<Placement> firsts, List<Placement> others) {}

    /** Places a snapshot's batch in every map but the timelines; returns its occurrences for those. */
    private Placements placeOffTimelines(List<IndexedEvent> batch) {
        List<Placement> firsts = new ArrayList<>(batch.size());
        List<Placement> others = new ArrayList<>(batch.size() / 4);
        for (IndexedEvent event : batch) {
            file(event);
            IndexedEvent.Key[] keys = event.occurrences();
            int first = event.visibility() == Visibility.PUBLIC ? earliest(keys) : -1;
            for (ConcurrentSkipListMap<IndexedEvent.Key, IndexedEvent> timeline : timelinesOf(event)) {
                for (int i = 0; i < keys.length; i++) {
                    (i == first ? firsts : others).add(new Placement(timeline, keys[i], event));
                }
            }
        }
        others.sort(Placement.BY_KEY);
        return new Placements(firsts, others);
    }

    private static int earliest(IndexedEvent.Key[] keys) {
        int earliest = keys.length == 0 ? -1 : 0;
        for (int i = 1; i < keys.length; i++) {
            if (keys[i].compareTo(keys[earliest]) < 0) {
                earliest = i;
            }
        }
        return earliest;
    }

    /**
     * Waits for every batch handed to the placers, in the order they were read, and puts their occurrences on the
     * timelines: the first occurrences batch after batch (in key order, see {@link #restoreFromSnapshot}), then the
     * others, their batches' sorted runs merged; a batch that failed fails the start.
     */
    private static void placeOnTimelines(Queue<Future<Placements>> placing) {
        List<Placement> others = new ArrayList<>();
        for (Future<Placements> batch : placing) {
            Placements placements = result(batch);
            for (Placement p : placements.firsts()) {
                p.timeline().put(p.key(), p.event());
            }
            others.addAll(placements.others());
        }
        Placement[] sorted = others.toArray(Placement[]::new);
        Arrays.sort(sorted, Placement.BY_KEY);
        for (Placement p : sorted) {
            p.timeline().put(p.key(), p.event());
        }
    }

    /** What a placer's task gave; a task that failed fails the start. */
    private static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while placing the index snapshot", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Placing the index snapshot failed", e.getCause());
        }
    }

    /** Loaded before the server takes requests: discovery answers completely from the first request on. */
    @Override
    public void afterSingletonsInstantiated() {
        // What the moderators took down is known first: a hidden event must not be indexed at start (the snapshot
        // holds none: it is the index of the last stop, which had left them out).
        takedowns.loaded().block();
        long began = System.nanoTime();
        Restored restored = restoring.join();
        if (restored != null) {
            log.info(
                    "Event index restored {} events, {} occurrences from its snapshot in {} ms ({} batches placed as"
                            + " read), beside the rest of start-up: waited {} ms",
                    events.size(),
                    occurrenceCount(),
                    restored.millis(),
                    restored.batches(),
                    (System.nanoTime() - began) / 1_000_000);
            return;
        }
        // One document at a time: the whole collection is never in memory at once. Documents are indexed on
        // other threads than the one decoding them, so decoding, expanding and word-splitting overlap.
        // Events that ended before the span are only followed for the delta-sync order, not indexed.
        Instant endedAfter = clock.instant().minus(BEHIND);
        store.notDeleted()
                .parallel()
                .runOn(Schedulers.parallel())
                .doOnNext(event -> {
                    if (event.lastEndUtc() != null && event.lastEndUtc().isBefore(endedAfter)) {
                        track(event);
                    } else {
                        put(event);
                    }
                })
                .sequential()
                .then()
                .block();
        log.info(
                "Event index loaded {} events, {} occurrences from the store in {} ms",
                events.size(),
                occurrenceCount(),
                (System.nanoTime() - began) / 1_000_000);
    }

    private int occurrenceCount() {
        return events.values().stream().mapToInt(e -> e.occurrences().length).sum();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * At a clean stop, after the web server has stopped taking requests: the snapshot the next start reads
     * ({@link IndexSnapshots}). Written under the index's lock, so no change can fall between it and
     * {@link #snapshotWritten}.
     */
    @Override
    public void stop() {
        running = false;
        if (!snapshots.enabled()) {
            return;
        }
        synchronized (this) {
            long began = System.nanoTime();
            snapshots
                    .save(new IndexSnapshotFile.Contents(
                            snapshots.header(), inTimelineOrder(), changeOrder.entries(), dueTimes.entries()))
                    .block();
            snapshotWritten = true;
            log.info(
                    "Event index snapshot of {} events written in {} ms",
                    events.size(),
                    (System.nanoTime() - began) / 1_000_000);
        }
    }

    /**
     * Every event, in the order of its first occurrence on the public timeline, then the rest: read back in this
     * order, a restore's batches cover one stretch of the timeline after another, and merging their occurrences
     * into key order costs little (docs/discovery-benchmark.md). A walk, not a sort: a stop has little time.
     */
    private List<IndexedEvent> inTimelineOrder() {
        List<IndexedEvent> inOrder = new ArrayList<>(events.size());
        Set<IndexedEvent> seen = Collections.newSetFromMap(new IdentityHashMap<>(events.size()));
        for (IndexedEvent event : timeline.values()) {
            if (seen.add(event)) {
                inOrder.add(event);
            }
        }
        for (IndexedEvent event : events.values()) {
            if (seen.add(event)) {
                inOrder.add(event);
            }
        }
        return inOrder;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped after the web server (its phase is {@code DEFAULT_PHASE - 2048}): no request writes after this. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
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

    /**
     * Moves the indexed span along once a day: series are expanded anew from the stored documents (the
     * index keeps no document to expand them from).
     */
    @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
    void rebuildSpan() {
        store.live(clock.instant().minus(BEHIND))
                .subscribe(this::put, e -> log.warn("Event index rebuild failed: {}", e.toString()));
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
                    batch.forEach(this::track);
                    List<Boolean> gone = batch.stream().map(this::gone).toList();
                    List<IndexedEvent> indexed = new java.util.ArrayList<>(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        indexed.add(gone.get(i) ? null : indexedOf(batch.get(i)));
                    }
                    synchronized (this) {
                        for (int i = 0; i < batch.size(); i++) {
                            apply(batch.get(i), indexed.get(i));
                        }
                        changed();
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    void put(EventDocument event) {
        track(event);
        // Expanded and split into words outside the lock: only the maps' updates are serialised.
        IndexedEvent indexed = gone(event) ? null : indexedOf(event);
        synchronized (this) {
            apply(event, indexed);
            changed();
        }
    }

    /** After every change, under the lock. */
    private void changed() {
        // After the change, not before: a reader that saw the old number re-derives what it cached.
        generation.incrementAndGet();
        if (snapshotWritten) {
            // A write after the stop's snapshot (a timer still running): the next start reads the store instead.
            snapshots.forget();
            snapshotWritten = false;
        }
    }

    /** What follows every event the index is given, drafts and deleted ones included. */
    private void track(EventDocument event) {
        dueTimes.track(event);
        // A deleted event may have been erased with its organization (no organization left to ask about).
        changeOrder.track(event, event.deletedAt() == null && takedowns.hides(event.id(), event.organizationId()));
    }

    private IndexedEvent indexedOf(EventDocument event) {
        return IndexedEvent.of(event, occurrencesOf(event));
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

    /** Puts {@code indexed} in place of what the index has of {@code event}; null takes the event out. */
    private void apply(EventDocument event, IndexedEvent indexed) {
        seenUpTo.accumulateAndGet(event.updatedAt(), (a, b) -> b.isAfter(a) ? b : a);
        IndexedEvent known = events.get(event.id());
        if (known != null && known.version() != null && event.version() != null && known.version() > event.version()) {
            return;
        }
        if (known != null) {
            for (ConcurrentSkipListMap<IndexedEvent.Key, IndexedEvent> from : timelinesOf(known)) {
                for (IndexedEvent.Key key : known.occurrences()) {
                    from.remove(key);
                }
            }
            for (TermIndex terms : termsIndexesOf(known)) {
                terms.remove(known.terms().visible(), event.id());
            }
            for (String host : known.hosts()) {
                hiddenTermsOf(host).remove(known.terms().hidden(), event.id());
            }
        }
        if (indexed == null) {
            events.remove(event.id());
            return;
        }
        insert(indexed);
    }

    /** Places {@code indexed} in every map it belongs in (none holds it yet). */
    private void insert(IndexedEvent indexed) {
        file(indexed);
        for (ConcurrentSkipListMap<IndexedEvent.Key, IndexedEvent> into : timelinesOf(indexed)) {
            for (IndexedEvent.Key key : indexed.occurrences()) {
                into.put(key, indexed);
            }
        }
    }

    /** Places {@code indexed} in every map it belongs in but the timelines: by id, and by word. */
    private void file(IndexedEvent indexed) {
        events.put(indexed.id(), indexed);
        EventSearch.Terms terms = indexed.terms();
        for (TermIndex visibleTo : termsIndexesOf(indexed)) {
            visibleTo.add(terms.visible(), indexed.id());
        }
        if (!terms.hidden().isEmpty()) {
            for (String host : indexed.hosts()) {
                hiddenTermsOf(host).add(terms.hidden(), indexed.id());
            }
        }
    }

    /** Deleted, or a draft: in no list, feed, count or search, for anyone (members find drafts in their own list). */
    private static boolean unlisted(EventDocument event) {
        return event.deletedAt() != null || event.isDraft();
    }

    /**
     * Where the event's occurrences are kept: the public timeline, or the members' timeline of its host and of
     * each accepted co-host (a co-host's members list it as the host's do; strangers walk the public one alone).
     */
    private List<ConcurrentSkipListMap<IndexedEvent.Key, IndexedEvent>> timelinesOf(IndexedEvent event) {
        return event.visibility() == Visibility.PUBLIC
                ? List.of(timeline)
                : event.hosts().stream()
                        .map(o -> membersTimelines.computeIfAbsent(o, x -> new ConcurrentSkipListMap<>()))
                        .toList();
    }

    private List<TermIndex> termsIndexesOf(IndexedEvent event) {
        return event.visibility() == Visibility.PUBLIC
                ? List.of(eventsByTerm)
                : event.hosts().stream()
                        .map(o -> membersEventsByTerm.computeIfAbsent(o, x -> new TermIndex(ordinals)))
                        .toList();
    }

    private TermIndex hiddenTermsOf(String host) {
        return hiddenEventsByTerm.computeIfAbsent(host, o -> new TermIndex(ordinals));
    }

    /** Occurrences matching the query, in start order, at most {@code limit + 1} (the extra one says there is more). */
    List<Hit> search(EventQuery query) {
        IndexedEvent.Key start = query.after() != null
                ? IndexedEvent.Key.cursor(
                        query.after().startUtc().toEpochMilli(),
                        query.after().eventId(),
                        query.after().recurrenceId())
                : IndexedEvent.Key.cursor(ceilMillis(query.from().minus(EventRules.MAX_DURATION)), "", "");
        Set<String> candidates = query.filter().text().isEmpty() ? null : textCandidates(query);
        if (candidates != null && candidates.size() <= FEW_CANDIDATES) {
            return searchAmong(candidates, start, query);
        }
        List<Hit> hits = new ArrayList<>(query.limit() + 1);
        for (Map.Entry<IndexedEvent.Key, IndexedEvent> e : walk(start, query.memberOf())) {
            IndexedEvent.Key key = e.getKey();
            if (!before(key.startUtc, query.to())) {
                break;
            }
            if (after(key.endUtc, query.from()) && matches(e.getValue(), query)) {
                hits.add(new Hit(e.getValue(), key));
                if (hits.size() > query.limit()) {
                    break;
                }
            }
        }
        return hits;
    }

    /** Whether the whole millisecond {@code millis} is before {@code instant} (which may have finer digits). */
    private static boolean before(long millis, Instant instant) {
        long floor = instant.toEpochMilli();
        return millis < floor || millis == floor && instant.getNano() % 1_000_000 != 0;
    }

    /** Whether the whole millisecond {@code millis} is after {@code instant}. */
    private static boolean after(long millis, Instant instant) {
        return millis > instant.toEpochMilli();
    }

    private static long ceilMillis(Instant instant) {
        long floor = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? floor : floor + 1;
    }

    /**
     * A superset of the events having, for every query word, a term that starts with it, built only
     * from words that are rare (at most FEW_CANDIDATES events each); null when every word is common,
     * and walking the timeline is cheaper than collecting their events. The full match is checked later.
     */
    private Set<String> textCandidates(EventQuery query) {
        // Which indexes this caller's words are looked up in: the public one, their organizations' own.
        List<TermIndex> indexes = new ArrayList<>();
        indexes.add(eventsByTerm);
        query.memberOf().forEach(o -> indexes.add(membersEventsByTerm.get(o)));
        query.locationsOf().forEach(o -> indexes.add(hiddenEventsByTerm.get(o)));
        Set<String> result = null;
        for (String token : query.filter().text()) {
            Set<String> forToken = new HashSet<>();
            for (TermIndex index : indexes) {
                Set<String> found = index == null ? Set.of() : index.eventsWithPrefix(token, FEW_CANDIDATES);
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

    /** The same answer as walking the timeline, from a few candidate events' own occurrences. */
    private List<Hit> searchAmong(Set<String> candidates, IndexedEvent.Key start, EventQuery query) {
        List<Hit> found = new ArrayList<>();
        for (String id : candidates) {
            IndexedEvent event = events.get(id);
            if (event == null) {
                continue;
            }
            for (IndexedEvent.Key key : event.occurrences()) {
                if (key.compareTo(start) > 0 && before(key.startUtc, query.to())) {
                    found.add(new Hit(event, key));
                }
            }
        }
        found.sort(Comparator.comparing(Hit::key));
        List<Hit> hits = new ArrayList<>(query.limit() + 1);
        for (Hit hit : found) {
            if (after(hit.key().endUtc, query.from()) && matches(hit.event(), query)) {
                hits.add(hit);
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
    private Iterable<Map.Entry<IndexedEvent.Key, IndexedEvent>> walk(IndexedEvent.Key start, Set<String> memberOf) {
        List<Iterator<Map.Entry<IndexedEvent.Key, IndexedEvent>>> sources = new ArrayList<>();
        sources.add(timeline.tailMap(start, false).entrySet().iterator());
        for (String organizationId : memberOf) {
            ConcurrentSkipListMap<IndexedEvent.Key, IndexedEvent> own = membersTimelines.get(organizationId);
            if (own != null) {
                sources.add(own.tailMap(start, false).entrySet().iterator());
            }
        }
        if (sources.size() == 1) {
            Iterator<Map.Entry<IndexedEvent.Key, IndexedEvent>> only = sources.getFirst();
            return () -> only;
        }
        return () -> new Merged(sources);
    }

    /** Several ordered iterators as one ordered iterator. */
    private static final class Merged implements Iterator<Map.Entry<IndexedEvent.Key, IndexedEvent>> {
        private record Head(
                Map.Entry<IndexedEvent.Key, IndexedEvent> entry,
                Iterator<Map.Entry<IndexedEvent.Key, IndexedEvent>> rest) {}

        private final PriorityQueue<Head> heads =
                new PriorityQueue<>(Comparator.comparing(h -> h.entry().getKey()));

        Merged(List<Iterator<Map.Entry<IndexedEvent.Key, IndexedEvent>>> sources) {
            sources.forEach(this::advance);
        }

        private void advance(Iterator<Map.Entry<IndexedEvent.Key, IndexedEvent>> source) {
            if (source.hasNext()) {
                heads.add(new Head(source.next(), source));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Map.Entry<IndexedEvent.Key, IndexedEvent> next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.rest());
            // A non-public event hosted and co-hosted by two of the caller's organizations is on both their
            // timelines: the same key comes up once from each, next to each other, and is listed once.
            while (!heads.isEmpty()
                    && heads.peek().entry().getKey().compareTo(head.entry().getKey()) == 0) {
                Head same = heads.poll();
                advance(same.rest());
            }
            return head.entry();
        }
    }

    /** Drafts are never indexed, so listing is the audience rule's visibility half ({@link EventAudience}). */
    private static boolean matches(IndexedEvent event, EventQuery q) {
        if (event.visibility() != Visibility.PUBLIC && !event.hostedByAnyOf(q.memberOf())) {
            return false;
        }
        // Most callers read no hidden location: their walk skips the lookup (it was 15 % of a city query's time).
        return q.filter().matches(event, !q.locationsOf().isEmpty() && event.hostedByAnyOf(q.locationsOf()));
    }

    /**
     * Whether {@code document}, read from the store for a page the index chose, is still one {@code memberOf}
     * may list: a write between the index's answer and the read may have deleted, hidden or unlisted it.
     */
    boolean stillListed(EventDocument document, Set<String> memberOf) {
        return !gone(document) && EventAudience.listsInDiscovery(document, memberOf);
    }

    @Override
    public Mono<List<CityCount>> citiesOf(String campaignId) {
        return Mono.fromSupplier(() -> {
            Map<String, CityCount> counts = new HashMap<>();
            for (IndexedEvent p : events.values()) {
                if (!campaignId.equals(p.campaignId()) || p.visibility() != Visibility.PUBLIC) {
                    continue;
                }
                String key = !p.placed() ? "online" : p.cityKey();
                counts.merge(
                        key,
                        !p.placed()
                                ? new CityCount("online", null, "online", null, null, 1)
                                : new CityCount(
                                        p.city(),
                                        p.countryCode(),
                                        p.cityKey(),
                                        Double.isNaN(p.lat()) ? null : Geo.coarse(p.lat()),
                                        Double.isNaN(p.lon()) ? null : Geo.coarse(p.lon()),
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
        for (IndexedEvent p : events.values()) {
            if (!p.placed() || p.visibility() != Visibility.PUBLIC || before(p.lastEndUtc(), now)) {
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

    /** The event as indexed; null when unknown, deleted, a draft or taken down. */
    IndexedEvent event(String id) {
        return events.get(id);
    }

    java.util.Collection<IndexedEvent> events() {
        return events.values();
    }
}
