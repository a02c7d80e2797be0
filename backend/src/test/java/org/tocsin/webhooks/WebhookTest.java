package org.tocsin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tocsin.outbound.LocalServer;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks as a receiver sees them: Standard Webhooks headers whose signature an independent HMAC (javax.crypto
 * here, not Tocsin's code) verifies, every change delivered in order even across an outage of the receiver, a
 * log and replays for admins, and no attendee data in any payload.
 */
class WebhookTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(Map<String, String> headers, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private LocalServer receiver;
    private OrganizationFixtures org;

    @BeforeEach
    void start() throws IOException {
        receiver = new LocalServer().on("/hook", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                LocalServer.answer(x, 503, "text/plain", new byte[0]);
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (String name : new String[] {"webhook-id", "webhook-timestamp", "webhook-signature", "Content-Type"}) {
                headers.put(name.toLowerCase(), x.getRequestHeaders().getFirst(name));
            }
            received.add(new Received(headers, body));
            LocalServer.answer(x, 204, "text/plain", new byte[0]);
        });
        org = new OrganizationFixtures(api(), "Hooks");
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private String base() {
        return "/api/v1/organizations/" + org.organization + "/webhooks";
    }

    private JsonNode register() {
        return org.owner
                .post(base(), Map.of("url", receiver.url("/hook"), "description", "our site"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private String createEvent(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", org.organization);
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", "2027-05-01T18:00");
        body.put("end", "2027-05-01T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("place", Map.of("city", "Berlin", "countryCode", "DE"));
        return org.owner.createdId("/api/v1/events", body);
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** Standard Webhooks verification written from the specification, with the JDK's HMAC only. */
    private static boolean verifies(String secret, Received r) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = r.headers().get("webhook-id") + "." + r.headers().get("webhook-timestamp") + "." + r.body();
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        for (String candidate : r.headers().get("webhook-signature").split(" ")) {
            if (candidate.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void deliversSignedMessagesInOrderAcrossAnOutageAndNeverAttendeeData() throws Exception {
        JsonNode endpoint = register();
        String secret = endpoint.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        // The secret is shown once.
        assertThat(org.owner.get(base()).expectBody(String.class).returnResult().getResponseBody())
                .doesNotContain(secret)
                .contains(receiver.url("/hook"));

        String eventId = createEvent("Vigil at the embassy");
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 1);
        Received created = received.getFirst();
        assertThat(verifies(secret, created)).isTrue();
        assertThat(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), created))
                .isFalse();
        long timestamp = Long.parseLong(created.headers().get("webhook-timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
        assertThat(created.headers().get("content-type")).startsWith("application/json");
        JsonNode message = json(created.body());
        assertThat(message.get("type").asString()).isEqualTo("event.created");
        assertThat(message.get("data").get("id").asString()).isEqualTo(eventId);
        assertThat(message.get("data").get("organization").asString()).isEqualTo(org.organization);

        // Someone RSVPs with a name and an email; nothing of theirs may reach the receiver.
        Api.Caller attendee = api().newUser("Secret Attendee", "secret.attendee@tocsin.test");
        attendee.post(
                        "/api/v1/events/" + eventId + "/rsvps",
                        Map.of("name", "Secret Attendee", "response", "GOING", "guests", 0))
                .expectStatus()
                .is2xxSuccessful();

        // The receiver is down for the next attempt; two changes made meanwhile arrive afterwards, in order.
        failNext.set(1);
        org.owner
                .patch("/api/v1/events/" + eventId, Map.of("title", "Vigil moved"))
                .expectStatus()
                .isOk();
        org.owner
                .post("/api/v1/events/" + eventId + "/cancel", Map.of("reason", "Police ban"))
                .expectStatus()
                .is2xxSuccessful();
        await().atMost(Duration.ofSeconds(90)).until(() -> received.size() >= 3);
        List<String> types = received.stream()
                .map(r -> json(r.body()).get("type").asString())
                .toList();
        assertThat(types).containsExactly("event.created", "event.updated", "event.cancelled");
        for (Received r : received) {
            assertThat(verifies(secret, r)).isTrue();
            assertThat(r.body()).doesNotContain("Secret Attendee", "secret.attendee", "attendance", "going", "rsvp");
        }

        // The log shows the failed attempt and the success after it, with latency.
        String endpointId = endpoint.get("id").asString();
        JsonNode log = org.owner
                .get(base() + "/" + endpointId + "/deliveries")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        JsonNode updated = null;
        for (JsonNode d : log) {
            assertThat(d.get("state").asString()).isEqualTo("DELIVERED");
            if (d.get("type").asString().equals("event.updated")) {
                updated = d;
            }
        }
        assertThat(updated).isNotNull();
        assertThat(updated.get("attempts").asInt()).isEqualTo(2);
        assertThat(updated.get("lastStatus").asInt()).isBetween(200, 299);
        assertThat(updated.get("latencyMillis").isNumber()).isTrue();

        // A replay sends the same message again, with the same webhook-id.
        org.owner
                .post(
                        base() + "/" + endpointId + "/deliveries/"
                                + updated.get("id").asString() + "/replay",
                        Map.of())
                .expectStatus()
                .isAccepted();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 4);
        assertThat(received.get(3).headers().get("webhook-id"))
                .isEqualTo(updated.get("messageId").asString());
        assertThat(received.get(3).body()).isEqualTo(received.get(1).body());
    }

    @Test
    void onlyAdminsManageWebhooksAndUnsafeUrlsAreRefused() {
        Api.Caller organizer = org.memberWithRole("ORGANIZER");
        organizer
                .post(base(), Map.of("url", receiver.url("/hook")))
                .expectStatus()
                .isForbidden();
        organizer.get(base()).expectStatus().isForbidden();
        org.owner
                .post(base(), Map.of("url", "ftp://example.org/hook"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("url");
        org.owner
                .post(base(), Map.of("url", receiver.url("/hook"), "types", List.of("rsvp.names")))
                .expectStatus()
                .isBadRequest();
        String id = register().get("id").asString();
        OrganizationFixtures other = new OrganizationFixtures(api(), "Others");
        other.owner
                .get("/api/v1/organizations/" + other.organization + "/webhooks/" + id + "/deliveries")
                .expectStatus()
                .isNotFound();
    }
}
