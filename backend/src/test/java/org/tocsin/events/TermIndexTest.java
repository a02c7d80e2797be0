package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A word finds exactly the events that carry it: after the last one drops it, and when it comes back, and when
 * many placers add at once (a start from the index snapshot).
 */
class TermIndexTest {

    private final TermIndex terms = new TermIndex(new EventOrdinals());

    @Test
    void aWordDroppedByItsLastEventAndAddedAgainFindsTheNewEvent() {
        terms.add(List.of("vigil", "tehran"), "e1");
        terms.remove(List.of("vigil", "tehran"), "e1");
        assertThat(terms.eventsWithPrefix("vig", 10)).isEmpty();

        terms.add(List.of("vigil"), "e2");

        assertThat(terms.eventsWithPrefix("vigil", 10)).containsExactly("e2");
        assertThat(terms.eventsWithPrefix("teh", 10)).isEmpty();
    }

    @Test
    void placersAddingTheSameNewWordsAtOnceLoseNoEvent() throws Exception {
        int placers = 4;
        int perPlacer = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(placers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = IntStream.range(0, placers)
                    .mapToObj(p -> pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perPlacer; i++) {
                            // A new word every few events, met by every placer at about the same time.
                            terms.add(List.of("word" + i / 5, "common"), "e-" + p + "-" + i);
                        }
                        return null;
                    }))
                    .<Future<?>>map(f -> f)
                    .toList();
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(terms.eventsWithPrefix("common", placers * perPlacer)).hasSize(placers * perPlacer);
        assertThat(terms.eventsWithPrefix("word0", 100)).hasSize(placers * 5);
        assertThat(terms.eventsWithPrefix("word399", 100))
                .containsExactlyInAnyOrder(IntStream.range(0, placers)
                        .boxed()
                        .flatMap(p -> IntStream.range(1995, 2000).mapToObj(i -> "e-" + p + "-" + i))
                        .toArray(String[]::new));
    }
}
