package org.tocsin.rsvps;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.support.Api;
import org.tocsin.support.TestStorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.rsvps.RsvpFixtures.rsvp;
import static org.tocsin.support.Problems.expectProblem;

/**
 * RSVPs are limited per client address and per event, with small capacities in a context of its
 * own; client addresses come from X-Forwarded-For as a trusted proxy sets them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tocsin.rate-limits.enabled=true",
        "tocsin.rate-limits.limits.rsvp-per-address.capacity=3",
        "tocsin.rate-limits.limits.rsvp-per-address.period=10m",
        "tocsin.rate-limits.limits.rsvp-per-event.capacity=5",
        "tocsin.rate-limits.limits.rsvp-per-event.period=10m",
        "server.forward-headers-strategy=native"})
@AutoConfigureWebTestClient(timeout = "PT30S")
class RsvpRateLimitTest {

    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-rsvp-limit-test-");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.register(registry, DATA_DIR, null);
    }

    @Test
    void oneAddressMayAnswerAFewTimesThenWaits() {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        String event = f.event(null);
        String other = f.event(null);
        Api.Caller busy = from("203.0.113.10");
        busy.post("/api/v1/events/" + event + "/rsvps", rsvp("A", "GOING", 0)).expectStatus().isCreated();
        busy.post("/api/v1/events/" + event + "/rsvps", rsvp("B", "GOING", 0)).expectStatus().isCreated();
        busy.post("/api/v1/events/" + other + "/rsvps", rsvp("C", "GOING", 0)).expectStatus().isCreated();
        var refused = busy.post("/api/v1/events/" + other + "/rsvps", rsvp("D", "GOING", 0));
        expectProblem(refused, 429, "/problems/rate-limited");
        refused.expectHeader().value(HttpHeaders.RETRY_AFTER, s -> assertThat(Long.parseLong(s)).isBetween(1L, 600L));
        from("203.0.113.11").post("/api/v1/events/" + other + "/rsvps", rsvp("E", "GOING", 0))
                .expectStatus().isCreated();
        assertThat(f.list(event)).hasSize(2);
    }

    @Test
    void oneEventTakesAFewAnswersAtATimeFromEveryone() {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        String event = f.event(null);
        for (int i = 0; i < 5; i++) {
            from("203.0.113." + (100 + i)).post("/api/v1/events/" + event + "/rsvps", rsvp("P" + i, "GOING", 0))
                    .expectStatus().isCreated();
        }
        expectProblem(from("203.0.113.200").post("/api/v1/events/" + event + "/rsvps", rsvp("Late", "GOING", 0)),
                429, "/problems/rate-limited");
        from("203.0.113.200").post("/api/v1/events/" + f.event(null) + "/rsvps", rsvp("Elsewhere", "GOING", 0))
                .expectStatus().isCreated();
        assertThat(f.list(event)).hasSize(5);
    }

    private Api.Caller from(String address) {
        return Api.from(web, address).anonymous();
    }
}
