package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.nio.file.Path;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/**
 * The delta-sync feeds spend the {@code sync} limit and say so in the IETF draft's {@code RateLimit} and
 * {@code RateLimit-Policy} headers; a spent limit is a 429 with {@code Retry-After}. Per address for
 * anonymous callers, per account for API tokens. A context of its own, limits on and small.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tocsin.rate-limits.enabled=true",
            "tocsin.rate-limits.limits.sync.capacity=3",
            "tocsin.rate-limits.limits.sync.period=1h",
            "tocsin.rate-limits.limits.register-per-address.capacity=100",
            "server.forward-headers-strategy=native"
        })
@AutoConfigureWebTestClient(timeout = "PT30S")
class SyncRateLimitTest {

    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-sync-limit-test-");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.register(registry, DATA_DIR, null);
    }

    @Test
    void answersTellWhatIsLeftAndTheFourthIsA429WithRetryAfter() {
        Api.Caller partner = Api.from(web, "198.51.100.7").anonymous();
        String[] uris = {
            "/api/v1/events?updatedSince=2026-01-01T00:00:00Z",
            "/api/v1/events/deleted?since=2026-01-01T00:00:00Z",
            "/api/v1/events?updatedSince=2026-01-01T00:00:00Z&limit=5"
        };
        for (int i = 0; i < 3; i++) {
            long left = 2 - i;
            partner.get(uris[i])
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("RateLimit-Policy", "\"sync\";q=3;w=3600")
                    .expectHeader()
                    .value("RateLimit", v -> assertThat(v).startsWith("\"sync\";r=" + left + ";t="));
        }
        var refused = partner.get(uris[0]);
        expectProblem(refused, 429, "/problems/rate-limited");
        refused.expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        v -> assertThat(Long.parseLong(v)).isBetween(1L, 1200L))
                .expectHeader()
                .value("RateLimit", v -> assertThat(v).startsWith("\"sync\";r=0;t="));

        // Another address has its own budget; so has a partner's API token, wherever it calls from.
        Api.from(web, "198.51.100.8")
                .anonymous()
                .get(uris[0])
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("RateLimit", v -> assertThat(v).startsWith("\"sync\";r=2;"));
        Api api = Api.from(web, "198.51.100.7");
        JsonNode created = api.newUser("Partner")
                .post("/api/v1/me/tokens", Map.of("name", "mirror"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        api.bearer(created.get("token").asString())
                .get(uris[0])
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("RateLimit", v -> assertThat(v).startsWith("\"sync\";r=2;"));
        // Discovery spends no sync limit and says nothing of it.
        partner.get("/api/v1/events").expectStatus().isOk().expectHeader().doesNotExist("RateLimit");
    }
}
