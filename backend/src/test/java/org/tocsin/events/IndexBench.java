package org.tocsin.events;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.mockito.Mockito;
import org.tocsin.places.Geo;
import org.tocsin.places.PlaceService;
import org.tocsin.storage.DatabaseSharing;
import org.tocsin.takedowns.Takedowns;

/**
 * The discovery index's own cost, without a server or a database (docs/discovery-benchmark.md, "Index
 * benchmark"): builds {@link EventIndex} from N {@link GeneratedEvents} one {@code put} at a time, and
 * prints the build time, the heap after a full GC (less what it was before), and the latency of
 * {@link EventIndex#search} for the benchmark's four query shapes as a stranger asks them. Not a test: run
 * by {@code bench/index-bench.sh N}. Takedowns is a Mockito stub (none hidden): the benchmark needs
 * nothing else from it, and building the real one needs a database.
 */
public final class IndexBench {

    private IndexBench() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Instant now = Instant.now();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Takedowns takedowns = Mockito.mock(Takedowns.class);
        long before = heapAfterGc();
        EventIndex index = new EventIndex(
                null,
                clock,
                takedowns,
                Mockito.mock(PlaceService.class),
                new DueTimes(),
                new ChangeOrder(),
                IndexSnapshots.none(),
                new DatabaseSharing(""));
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            index.put(GeneratedEvents.nth(i, now));
        }
        long buildMs = (System.nanoTime() - started) / 1_000_000;
        long after = heapAfterGc();
        System.out.printf(
                "events %,d: build %,d ms; heap after full GC %,d MB (index %,d MB, %,d bytes per event)%n",
                n, buildMs, after >> 20, (after - before) >> 20, (after - before) / n);
        for (String shape : List.of("city", "near", "q", "rare")) {
            List<EventQuery> mix = shape(shape, now);
            for (int i = 0; i < queries / 4; i++) { // warm-up
                index.search(mix.get(i % mix.size()));
            }
            long[] nanos = new long[queries];
            int found = 0;
            for (int i = 0; i < queries; i++) {
                long t = System.nanoTime();
                found += index.search(mix.get(i % mix.size())).size();
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "  %-5s p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d queries, %.1f hits each)%n",
                    shape,
                    nanos[queries / 2] / 1e6,
                    nanos[queries * 99 / 100] / 1e6,
                    nanos[queries - 1] / 1e6,
                    queries,
                    found / (double) queries);
        }
        // Keeps the index reachable until the end, so the heap figure above was not of a collected one.
        System.out.println("  (generation " + index.generation() + ")");
    }

    private static List<EventQuery> shape(String shape, Instant now) {
        List<EventFilter> filters = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            GeneratedEvents.City city = GeneratedEvents.city(c * 5);
            switch (shape) {
                case "city" ->
                    filters.add(new EventFilter(city.key(), city.country(), null, null, null, null, null, List.of()));
                case "near" ->
                    filters.add(new EventFilter(
                            null,
                            null,
                            new EventFilter.Near(city.lat(), city.lon(), 25, Geo.box(city.lat(), city.lon(), 25)),
                            null,
                            null,
                            null,
                            null,
                            List.of()));
                case "q" ->
                    filters.add(text(GeneratedEvents.COMMON_WORDS.get(c % GeneratedEvents.COMMON_WORDS.size())));
                default -> filters.add(text(GeneratedEvents.RARE_WORDS.get(c % GeneratedEvents.RARE_WORDS.size())));
            }
        }
        return filters.stream()
                .map(f -> new EventQuery(f, now, now.plus(EventIndex.AHEAD), Set.of(), Set.of(), null, 50))
                .toList();
    }

    private static EventFilter text(String q) {
        return new EventFilter(null, null, null, null, null, null, null, GeneratedEvents.tokens(q));
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
