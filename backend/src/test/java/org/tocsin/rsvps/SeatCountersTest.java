package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.rsvps.internal.SeatCounters;
import org.tocsin.storage.Ids;
import org.tocsin.support.IntegrationTest;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The seat counter alone: conditional claims in flight together never take more than the capacity. */
class SeatCountersTest extends IntegrationTest {

    @Autowired
    SeatCounters counters;

    /** The first claims of an occurrence race to create its counter: none of them may fail for it. */
    @RepeatedTest(5)
    void theFirstClaimsOfANewOccurrenceAllSucceedWhileThereIsRoom() {
        String event = Ids.newId();
        StepVerifier.create(Flux.range(0, 100)
                        .flatMap(i -> counters.claim(event, "once", 1, 1_000), 100)
                        .filter(ok -> !ok)
                        .count())
                .expectNext(0L)
                .verifyComplete();
        StepVerifier.create(counters.of(event, "once"))
                .assertNext(c -> assertThat(c.going()).isEqualTo(100))
                .verifyComplete();
    }

    @Test
    void concurrentClaimsTakeExactlyTheCapacityAndReleasesGiveItBack() {
        String event = Ids.newId();
        // 300 parties of 1 to 3 people for 50 places, all at once, the counter created by whichever comes first.
        StepVerifier.create(Flux.range(0, 300)
                        .flatMap(
                                i -> counters.claim(event, "once", 1 + i % 3, 50)
                                        .map(ok -> ok ? 1 + i % 3 : 0),
                                300)
                        .reduce(0, Integer::sum))
                .assertNext(taken -> assertThat(taken).isBetween(48, 50))
                .verifyComplete();
        StepVerifier.create(counters.of(event, "once"))
                .assertNext(c -> assertThat(c.going()).isBetween(48L, 50L))
                .verifyComplete();

        StepVerifier.create(counters.of(event, "once")
                        .flatMap(c -> counters.release(event, "once", (int) c.going()))
                        .then(counters.claim(event, "once", 50, 50)))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(counters.claim(event, "once", 1, 50))
                .expectNext(false)
                .verifyComplete();
        // No capacity: no limit.
        StepVerifier.create(counters.claim(event, "other", 1_000, null))
                .expectNext(true)
                .verifyComplete();
    }
}
