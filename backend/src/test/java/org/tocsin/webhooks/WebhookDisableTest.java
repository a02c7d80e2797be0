package org.tocsin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.outbound.LocalServer;
import org.tocsin.support.Api;
import org.tocsin.support.OrganizationFixtures;
import org.tocsin.support.TestStorage;
import tools.jackson.databind.JsonNode;

/**
 * An endpoint that keeps failing is switched off once it has failed for {@code disable-after} (days in
 * production; seconds here, with retries given up after one second), and the admin who registered it
 * gets a mail saying so; until then a given-up delivery leaves it on, and once off nothing more is sent.
 * A context of its own for the short durations; mail goes to .eml files in its data directory.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tocsin.webhooks.poll-interval=PT0.2S",
            "tocsin.webhooks.first-retry=PT0.2S",
            "tocsin.webhooks.retry-for=PT1S",
            "tocsin.webhooks.disable-after=PT5S",
            "tocsin.mail.poll-interval=PT0.5S",
            "tocsin.rate-limits.enabled=false",
            "tocsin.outbound.allow-loopback=true",
            // Its organizer is about webhooks, not sign-up (accounts.EmailVerificationTest).
            "tocsin.accounts.require-verified-email=false"
        })
@AutoConfigureWebTestClient(timeout = "PT30S")
class WebhookDisableTest {

    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-webhook-disable-test-");

    @Autowired
    WebTestClient web;

    private LocalServer receiver;
    private final AtomicInteger attempts = new AtomicInteger();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.register(registry, DATA_DIR, null);
    }

    @BeforeEach
    void start() throws IOException {
        receiver = new LocalServer().on("/hook", x -> {
            x.getRequestBody().readAllBytes();
            attempts.incrementAndGet();
            LocalServer.answer(x, 503, "text/plain", new byte[0]);
        });
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void anEndpointFailingLongerThanTheLimitIsDisabledAndItsAdminMailed() throws Exception {
        OrganizationFixtures org = new OrganizationFixtures(Api.of(web), "Failing hooks");
        String email = org.owner
                .get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("email")
                .asString();
        String base = "/api/v1/organizations/" + org.organization + "/webhooks";
        String id = org.owner.createdId(
                base, Map.of("url", receiver.url("/hook"), "description", "a receiver that is down"));

        createEvent(org, "First");
        // Its deliveries are retried, then given up: the endpoint is failing, not yet for long enough.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries(org, base, id).findValues("state").stream()
                        .anyMatch(s -> s.asString().equals("FAILED")));
        JsonNode failing = endpoint(org, base, id);
        assertThat(failing.get("failingSince").isNull()).isFalse();
        assertThat(failing.path("disabledAt").isNull()
                        || failing.path("disabledAt").isMissingNode())
                .isTrue();
        assertThat(attempts.get()).isPositive();
        Instant since = Instant.parse(failing.get("failingSince").asString());

        // Failing past the limit: the next delivery given up switches the endpoint off.
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(since.plusSeconds(5)));
        createEvent(org, "Second");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> endpoint(org, base, id).hasNonNull("disabledAt"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email) != null);
        try (InputStream in = Files.newInputStream(mailTo(email))) {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(mail.getSubject()).isEqualTo("Tocsin: a webhook was disabled");
            assertThat(mail.getContent().toString()).contains(receiver.url("/hook"));
        }

        // Off: nothing more goes out to it.
        int sent = attempts.get();
        createEvent(org, "Third");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == sent);
    }

    private static void createEvent(OrganizationFixtures org, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", org.organization);
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", "2027-05-01T18:00");
        body.put("end", "2027-05-01T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("place", Map.of("city", "Berlin", "countryCode", "DE"));
        org.owner.post("/api/v1/events", body).expectStatus().isCreated();
    }

    private static JsonNode endpoint(OrganizationFixtures org, String base, String id) {
        for (JsonNode e : org.owner
                .get(base)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()) {
            if (e.get("id").asString().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("webhook " + id + " not listed");
    }

    private static JsonNode deliveries(OrganizationFixtures org, String base, String id) {
        return org.owner
                .get(base + "/" + id + "/deliveries")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** The .eml file of a mail to {@code to}, or null while there is none. */
    /** The mail telling {@code to} that a webhook was disabled, once it is in the outbox. */
    private static Path mailTo(String to) throws IOException {
        Path outbox = DATA_DIR.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return null;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml"))
                    .filter(f -> {
                        try {
                            // The admin's mailbox also holds the sign-up's verification mail.
                            String mail = Files.readString(f);
                            return mail.contains(to) && mail.contains("webhook was disabled");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .findFirst()
                    .orElse(null);
        }
    }
}
