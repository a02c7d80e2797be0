package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.tocsin.support.IntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class ConcurrentWritesTest extends IntegrationTest {

    /** Writes finishing at the same moment once failed with a 500 after being stored, and never reached discovery. */
    @Test
    void manyOrganizersPostingAtOnceAllSucceedAndAllAreFound() {
        EventFixtures f = new EventFixtures(api());
        List<HttpStatusCode> statuses = Flux.range(1, 24)
                .parallel(8)
                .runOn(Schedulers.boundedElastic())
                .map(i -> f.owner
                        .post(
                                "/api/v1/events",
                                f.vigil("2027-08-" + (10 + i % 18) + "T18:00", "2027-08-" + (10 + i % 18) + "T19:00"))
                        .returnResult(String.class)
                        .getStatus())
                .sequential()
                .collectList()
                .block();
        assertThat(statuses).hasSize(24).allMatch(s -> s.value() == 201);
        assertThat(f.discover(f.owner, "")).hasSize(24);
    }
}
