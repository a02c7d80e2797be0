package org.tocsin.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.outbound.LocalServer;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/**
 * A partner's calendar that fails is tried again later and later (five minutes, doubling, up to
 * {@code tocsin.imports.max-backoff}), the poller leaves it alone until then, and the first success
 * brings the normal interval back. What an admin sees in the source's status.
 */
class ImportBackoffTest extends IntegrationTest {

    @Autowired
    ImportPoller poller;

    @Autowired
    ImportProperties properties;

    private LocalServer server;
    private final AtomicBoolean down = new AtomicBoolean(true);
    private final AtomicInteger requests = new AtomicInteger();
    private OrganizationFixtures org;

    @BeforeEach
    void serve() throws IOException {
        server = new LocalServer().on("/cal.ics", x -> {
            requests.incrementAndGet();
            if (down.get()) {
                LocalServer.answer(x, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
                return;
            }
            LocalServer.answer(
                    x, 200, "text/calendar", ImportTest.fixture("google.ics").getBytes(StandardCharsets.UTF_8));
        });
        org = new OrganizationFixtures(api(), "Backoff");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndTheFirstSuccessEndsIt() {
        Map<String, Object> body = new HashMap<>();
        body.put("url", server.url("/cal.ics"));
        body.put("kind", "RALLY");
        body.put("city", "Berlin");
        body.put("countryCode", "DE");
        body.put("timeZone", "Europe/Berlin");
        body.put("tags", List.of("partner"));
        JsonNode source = org.owner
                .post("/api/v1/organizations/" + org.organization + "/imports", body)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String id = source.get("id").asString();
        assertThat(source.get("status").get("error").asString()).isNotBlank();
        assertThat(wait(source)).isEqualTo(Duration.ofMinutes(5));

        // Each further failure doubles the wait: 10, 20, 40 minutes...
        Duration expected = Duration.ofMinutes(5);
        for (int failure = 2; failure <= 12; failure++) {
            JsonNode after = sync(id);
            expected = expected.multipliedBy(2);
            if (expected.compareTo(properties.maxBackoff()) > 0) {
                expected = properties.maxBackoff();
            }
            assertThat(after.get("status").get("error").asString()).isNotBlank();
            assertThat(wait(after)).as("the wait after failure %d", failure).isEqualTo(expected);
        }
        // ... up to the cap: twelve failures would be 5 min × 2^11, far beyond a day.
        assertThat(expected).isEqualTo(properties.maxBackoff());

        // The poller does not touch a source before its time.
        int before = requests.get();
        poller.poll();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> requests.get() == before);

        // Back up: the next sync succeeds, the error goes, and the normal interval returns.
        down.set(false);
        JsonNode recovered = sync(id);
        assertThat(recovered.get("status").path("error").isNull()
                        || recovered.get("status").path("error").isMissingNode())
                .isTrue();
        assertThat(recovered.get("status").get("created").asInt()).isPositive();
        assertThat(wait(recovered)).isEqualTo(properties.interval());
    }

    private JsonNode sync(String id) {
        return org.owner
                .post("/api/v1/organizations/" + org.organization + "/imports/" + id + "/sync", Map.of())
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** How long after its last attempt the source is next due. */
    private static Duration wait(JsonNode source) {
        return Duration.between(
                Instant.parse(source.get("status").get("lastSyncAt").asString()),
                Instant.parse(source.get("nextSyncAt").asString()));
    }
}
