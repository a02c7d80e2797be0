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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.outbound.LocalServer;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message types partners asked for, as a receiver sees them: RSVP counts as a digest (one message per event
 * per period however many answers, nothing when only answers awaiting approval moved, never who), an event's
 * publication (the step to PUBLIC, not every change of a public event), and submissions to the organization's
 * campaigns received and decided. Signatures verified by the JDK's HMAC, not Tocsin's code.
 */
class WebhookTypesTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(Map<String, String> headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String type() {
            return json().get("type").asString();
        }
    }

    @Autowired
    RsvpCountDigest digest;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private LocalServer receiver;
    private OrganizationFixtures org;

    @BeforeEach
    void start() throws IOException {
        receiver = new LocalServer().on("/hook", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            for (String name : new String[] {"webhook-id", "webhook-timestamp", "webhook-signature"}) {
                headers.put(name, x.getRequestHeaders().getFirst(name));
            }
            received.add(new Received(headers, body));
            LocalServer.answer(x, 204, "text/plain", new byte[0]);
        });
        org = new OrganizationFixtures(api(), "Typed hooks");
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private String register(OrganizationFixtures owner, List<String> types) {
        return owner.owner
                .post(
                        "/api/v1/organizations/" + owner.organization + "/webhooks",
                        Map.of("url", receiver.url("/hook"), "types", types))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("secret")
                .asString();
    }

    private static Map<String, Object> event(OrganizationFixtures org, String title, String start) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", org.organization);
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", start);
        body.put("end", start.substring(0, 11) + "23:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("place", Map.of("city", "Berlin", "countryCode", "DE"));
        return body;
    }

    private static String create(OrganizationFixtures org, Map<String, Object> body) {
        return org.owner.createdId("/api/v1/events", body);
    }

    private void rsvp(String eventId, String name, int guests) {
        api().anonymous()
                .post(
                        "/api/v1/events/" + eventId + "/rsvps",
                        Map.of(
                                "name",
                                name,
                                "email",
                                name.toLowerCase().replace(' ', '.') + "@attendee.test",
                                "response",
                                "GOING",
                                "guests",
                                guests))
                .expectStatus()
                .is2xxSuccessful();
    }

    /** Standard Webhooks verification written from the specification, with the JDK's HMAC only. */
    private static boolean verifies(String secret, Received r) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = r.headers().get("webhook-id") + "." + r.headers().get("webhook-timestamp") + "." + r.body();
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(r.headers().get("webhook-signature").split(" ")).contains("v1," + expected);
    }

    /** Runs a digest of everything stored so far (the scheduled one waits for writes to settle). */
    private void digestNow() {
        digest.digest(Instant.now().plusMillis(2)).block(Duration.ofSeconds(30));
    }

    @Test
    void rsvpCountsArriveAsOneDigestPerPeriodWithCountsOnly() throws Exception {
        String secret = register(org, List.of("rsvp.counts_changed"));
        String eventId = create(org, event(org, "Vigil for the prisoners", "2027-06-01T18:00"));
        Map<String, Object> approval = event(org, "Closed meeting", "2027-06-02T18:00");
        approval.put("rsvpMode", "APPROVAL");
        String approvalId = create(org, approval);
        digestNow(); // whatever came before this test is told now, not below

        received.clear();
        // A flood of answers within one period: one message, with the counts as they stand at its end.
        for (int i = 0; i < 6; i++) {
            rsvp(eventId, "Secret Attendee " + i, i % 2);
        }
        // Answers awaiting approval are not public counts: they change nothing a receiver is told.
        rsvp(approvalId, "Hidden Applicant", 0);
        digestNow();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 1);

        Received digestMessage = received.getFirst();
        assertThat(verifies(secret, digestMessage)).isTrue();
        JsonNode message = digestMessage.json();
        assertThat(message.get("type").asString()).isEqualTo("rsvp.counts_changed");
        assertThat(message.at("/data/id").asString()).isEqualTo(eventId);
        assertThat(message.at("/data/organization").asString()).isEqualTo(org.organization);
        assertThat(message.at("/data/occurrences").size()).isEqualTo(1);
        assertThat(message.at("/data/occurrences/0/going").asLong()).isEqualTo(9); // six people and three guests
        assertThat(message.at("/data/occurrences/0").propertyNames())
                .containsExactlyInAnyOrder("occurrence", "going", "maybe", "waitlisted");
        assertThat(digestMessage.body())
                .doesNotContain("Secret", "Attendee", "attendee.test", "Hidden", "Applicant", approvalId);

        // A period in which the counts did not change sends nothing; the next answer, one more message.
        digestNow();
        rsvp(eventId, "Secret Attendee 7", 0);
        digestNow();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).json().at("/data/occurrences/0/going").asLong())
                .isEqualTo(10);
        assertThat(received).allSatisfy(r -> assertThat(r.type()).isEqualTo("rsvp.counts_changed"));
    }

    @Test
    void publishedIsTheStepToPublicNotEveryChange() throws Exception {
        String secret = register(org, List.of("event.created", "event.updated", "event.published"));
        Map<String, Object> hidden = event(org, "Planning meeting", "2027-06-03T18:00");
        hidden.put("visibility", "PRIVATE");
        String eventId = create(org, hidden);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);

        org.owner
                .patch("/api/v1/events/" + eventId, Map.of("visibility", "PUBLIC"))
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 3);
        org.owner
                .patch("/api/v1/events/" + eventId, Map.of("title", "Open meeting"))
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 4);
        org.owner
                .patch("/api/v1/events/" + eventId, Map.of("visibility", "UNLISTED"))
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 5);
        org.owner
                .patch("/api/v1/events/" + eventId, Map.of("visibility", "PUBLIC"))
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 7);

        // In order per event: the change, then its publication.
        assertThat(received.stream().map(Received::type).toList())
                .containsExactly(
                        "event.created",
                        "event.updated",
                        "event.published",
                        "event.updated",
                        "event.updated",
                        "event.updated",
                        "event.published");
        Received published = received.get(2);
        assertThat(verifies(secret, published)).isTrue();
        assertThat(published.json().at("/data/id").asString()).isEqualTo(eventId);
        assertThat(published.json().at("/data/visibility").asString()).isEqualTo("PUBLIC");

        // Created PUBLIC: published at once.
        received.clear();
        String open = create(org, event(org, "Rally", "2027-06-04T18:00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
        assertThat(received.stream().map(Received::type).toList()).containsExactly("event.created", "event.published");
        assertThat(received.get(1).json().at("/data/id").asString()).isEqualTo(open);
    }

    @Test
    void theCampaignsOrganizationHearsOfSubmissionsAndDecisions() throws Exception {
        String slug = "typed-" + System.nanoTime();
        org.owner
                .post(
                        "/api/v1/campaigns",
                        Map.of(
                                "name", "Typed campaign",
                                "slug", slug,
                                "startsOn", "2027-10-10",
                                "endsOn", "2027-10-11",
                                "organization", org.organization))
                .expectStatus()
                .isCreated();
        org.owner
                .put("/api/v1/campaigns/" + slug + "/call", Map.of("open", true))
                .expectStatus()
                .isOk();
        String secret = register(org, List.of("submission.received", "submission.decided"));

        OrganizationFixtures host = new OrganizationFixtures(api(), "Host city group");
        String eventId = create(host, event(host, "Vigil in Leipzig", "2027-10-10T18:00"));
        String submission =
                host.owner.createdId("/api/v1/campaigns/" + slug + "/submissions", Map.of("event", eventId));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
        JsonNode got = received.getFirst().json();
        assertThat(verifies(secret, received.getFirst())).isTrue();
        assertThat(got.get("type").asString()).isEqualTo("submission.received");
        assertThat(got.at("/data/id").asString()).isEqualTo(submission);
        assertThat(got.at("/data/campaign").asString()).isEqualTo(slug);
        assertThat(got.at("/data/event").asString()).isEqualTo(eventId);
        assertThat(got.at("/data/organization").asString()).isEqualTo(host.organization);
        assertThat(got.at("/data/state").asString()).isEqualTo("PENDING");

        org.owner
                .post("/api/v1/campaigns/" + slug + "/submissions/" + submission + "/approve", Map.of())
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
        JsonNode decided = received.get(1).json();
        assertThat(decided.get("type").asString()).isEqualTo("submission.decided");
        assertThat(decided.at("/data/state").asString()).isEqualTo("APPROVED");
        // Ids and states only: not who submitted or decided.
        assertThat(received.get(1).body()).doesNotContain("@", "submittedBy", "decidedBy", "reason");
    }

    @Test
    void unknownTypesAreRefusedAndTheNewOnesAccepted() {
        org.owner
                .post(
                        "/api/v1/organizations/" + org.organization + "/webhooks",
                        Map.of("url", receiver.url("/hook"), "types", List.of("rsvp.attendees")))
                .expectStatus()
                .isBadRequest();
        assertThat(WebhookTypes.ALL)
                .contains("event.published", "rsvp.counts_changed", "submission.received", "submission.decided");
    }
}
