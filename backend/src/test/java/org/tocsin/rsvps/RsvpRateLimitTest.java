package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.rsvps.RsvpFixtures.rsvp;
import static org.tocsin.support.Problems.expectProblem;

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

/**
 * RSVPs are limited per client address (an IPv6 /64 counts as one), with small capacities in a context
 * of its own; client addresses come from X-Forwarded-For as a trusted proxy sets them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tocsin.rate-limits.enabled=true",
            "tocsin.rate-limits.limits.rsvp-per-address.capacity=3",
            "tocsin.rate-limits.limits.rsvp-per-address.period=10m",
            "server.forward-headers-strategy=native"
        })
@AutoConfigureWebTestClient(timeout = "PT30S")
class RsvpRateLimitTest {

    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-rsvp-limit-test-");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.register(registry, DATA_DIR, null);
        // Its organizers are about RSVPs, not sign-up (verification has its own test, accounts.EmailVerificationTest).
        registry.add("tocsin.accounts.require-verified-email", () -> "false");
    }

    @Test
    void oneAddressMayAnswerAFewTimesThenWaits() {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        String event = f.event(null);
        String other = f.event(null);
        Api.Caller busy = from("203.0.113.10");
        busy.post("/api/v1/events/" + event + "/rsvps", rsvp("A", "GOING", 0))
                .expectStatus()
                .isCreated();
        busy.post("/api/v1/events/" + event + "/rsvps", rsvp("B", "GOING", 0))
                .expectStatus()
                .isCreated();
        busy.post("/api/v1/events/" + other + "/rsvps", rsvp("C", "GOING", 0))
                .expectStatus()
                .isCreated();
        var refused = busy.post("/api/v1/events/" + other + "/rsvps", rsvp("D", "GOING", 0));
        expectProblem(refused, 429, "/problems/rate-limited");
        refused.expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        s -> assertThat(Long.parseLong(s)).isBetween(1L, 600L));
        from("203.0.113.11")
                .post("/api/v1/events/" + other + "/rsvps", rsvp("E", "GOING", 0))
                .expectStatus()
                .isCreated();
        assertThat(f.list(event)).hasSize(2);
    }

    /**
     * Issue 10 #13: a per-event limit let 11 flooding addresses (660 junk RSVPs) make the next real
     * visitor get 429. Now each flooding address spends only its own budget, and the event stays open.
     */
    @Test
    void aFloodFromSeveralAddressesCostsTheFloodersNotTheEventsRealSupporters() {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        String event = f.event(null);
        int flooders = 11;
        for (int a = 0; a < flooders; a++) {
            Api.Caller flooder = from("203.0.113." + (100 + a));
            for (int i = 0; i < 3; i++) {
                flooder.post("/api/v1/events/" + event + "/rsvps", rsvp("Junk " + a + "-" + i, "GOING", 0))
                        .expectStatus()
                        .isCreated();
            }
            expectProblem(
                    flooder.post("/api/v1/events/" + event + "/rsvps", rsvp("Junk " + a, "GOING", 0)),
                    429,
                    "/problems/rate-limited");
        }
        from("203.0.113.250")
                .post("/api/v1/events/" + event + "/rsvps", rsvp("Real supporter", "GOING", 0))
                .expectStatus()
                .isCreated();
        assertThat(f.list(event)).hasSize(flooders * 3 + 1);
    }

    /** One subscriber has a whole IPv6 /64: its 2^64 addresses are one flooder, not 2^64 fresh ones. */
    @Test
    void anIpv6NetworkIsOneAddress() {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        String event = f.event(null);
        for (int i = 1; i <= 3; i++) {
            from("2001:db8:1:2::" + i)
                    .post("/api/v1/events/" + event + "/rsvps", rsvp("V6 " + i, "GOING", 0))
                    .expectStatus()
                    .isCreated();
        }
        expectProblem(
                from("2001:db8:1:2:ffff::4").post("/api/v1/events/" + event + "/rsvps", rsvp("V6 4", "GOING", 0)),
                429,
                "/problems/rate-limited");
        from("2001:db8:1:3::1")
                .post("/api/v1/events/" + event + "/rsvps", rsvp("Next door", "GOING", 0))
                .expectStatus()
                .isCreated();
    }

    private Api.Caller from(String address) {
        return Api.from(web, address).anonymous();
    }
}
