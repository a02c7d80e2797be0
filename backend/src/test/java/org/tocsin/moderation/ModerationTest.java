package org.tocsin.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Report → queue → hide → gone from every public surface, and back on restore; an organization hidden
 * with all its events; accounts suspended. What strangers see of a hidden event is checked against what
 * they saw before it existed: the same bodies and validators, so hidden cannot be told from deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModerationTest extends IntegrationTest {

    private static Map<String, Object> vigil(String organization, String campaign, String word, String tag) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", organization);
        body.put("title", "Vigil " + word);
        body.put("kind", "VIGIL");
        body.put("start", "2027-10-10T18:00");
        body.put("end", "2027-10-10T19:00");
        body.put("timeZone", "Europe/Helsinki");
        body.put("tags", List.of(tag));
        if (campaign != null) {
            body.put("campaign", campaign);
        }
        body.put(
                "place",
                Map.of("venue", "Market square", "city", "Oulu", "countryCode", "FI", "lat", 65.0124, "lon", 25.4682));
        return body;
    }

    private String campaign(OrganizationFixtures org) {
        String slug = "moderated-day-" + System.nanoTime();
        org.owner
                .post(
                        "/api/v1/campaigns",
                        Map.of(
                                "name", "Moderated day",
                                "slug", slug,
                                "startsOn", "2027-10-10",
                                "endsOn", "2027-10-10",
                                "organization", org.organization))
                .expectStatus()
                .isCreated();
        return slug;
    }

    private static String create(Api.Caller owner, Map<String, Object> body) {
        return owner.createdId("/api/v1/events", body);
    }

    /** Status, ETag and body of an anonymous GET. */
    private record Seen(int status, String etag, String body) {}

    private Seen seen(String path) {
        EntityExchangeResult<byte[]> result =
                web.get().uri(path).exchange().expectBody(byte[].class).returnResult();
        byte[] body = result.getResponseBody();
        return new Seen(
                result.getStatus().value(),
                result.getResponseHeaders().getETag(),
                body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    private Map<String, Seen> surfaces(List<String> paths) {
        Map<String, Seen> all = new LinkedHashMap<>();
        paths.forEach(p -> all.put(p, seen(p)));
        return all;
    }

    @Test
    void aReportedEventHiddenByAModeratorIsGoneFromEveryPublicSurfaceAsIfDeletedAndComesBackOnRestore() {
        OrganizationFixtures org = new OrganizationFixtures(api(), "Moderated");
        String campaign = campaign(org);
        String word = "zyqmod" + System.nanoTime();
        String tag = "modtag" + (System.nanoTime() % 100000);
        // One event that stays, so feeds and counts are not merely empty.
        create(org.owner, vigil(org.organization, campaign, "stays", tag));
        List<String> publicPaths = List.of(
                "/api/v1/events?q=" + word,
                "/api/v1/events?tag=" + tag + "&from=2027-10-01T00:00:00Z",
                "/api/v1/events?organization=" + org.organization + "&from=2027-10-01T00:00:00Z",
                "/api/v1/campaigns/" + campaign,
                "/api/v1/cities",
                "/feeds/organizations/" + org.organization + ".ics",
                "/feeds/organizations/" + org.organization + ".json",
                "/feeds/organizations/" + org.organization + ".atom",
                "/feeds/campaigns/" + campaign + ".ics",
                "/feeds/campaigns/" + campaign + ".json",
                "/feeds/tags/" + tag + ".atom",
                "/feeds/cities/fi/oulu.json",
                "/feeds/events.json?q=" + word);
        Map<String, Seen> before = surfaces(publicPaths);

        String decoy = create(org.owner, vigil(org.organization, campaign, word, tag));
        assertThat(seen("/api/v1/events?q=" + word).body()).contains(decoy);
        assertThat(seen("/feeds/campaigns/" + campaign + ".json").body()).contains(decoy);

        // Anyone reports it, with no account; the report keeps nothing of them.
        Api.Caller stranger = api().anonymous();
        stranger.post(
                        "/api/v1/reports",
                        Map.of(
                                "kind",
                                "EVENT",
                                "target",
                                decoy,
                                "category",
                                "FAKE_EVENT",
                                "text",
                                "A decoy: no such vigil"))
                .expectStatus()
                .isAccepted();
        stranger.post(
                        "/api/v1/reports",
                        Map.of("kind", "EVENT", "target", "no-such-event-id-00000", "category", "SPAM"))
                .expectStatus()
                .isNotFound();
        stranger.post("/api/v1/reports", Map.of("kind", "EVENT", "target", decoy, "category", "NOT_A_CATEGORY"))
                .expectStatus()
                .isBadRequest();
        stranger.post(
                        "/api/v1/reports",
                        Map.of("kind", "EVENT", "target", decoy, "category", "OTHER", "text", "x".repeat(1001)))
                .expectStatus()
                .isBadRequest();

        // The queue is the platform admins' alone: to anyone else it does not exist.
        org.owner.get("/api/v1/moderation/reports").expectStatus().isNotFound();
        stranger.get("/api/v1/moderation/reports").expectStatus().isUnauthorized();
        Api.Caller admin = platformAdmin();
        JsonNode queue = admin.get("/api/v1/moderation/reports")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        JsonNode report = null;
        for (JsonNode r : queue) {
            if (r.get("targetId").asString().equals(decoy)) {
                report = r;
            }
        }
        assertThat(report).as("the report is in the queue").isNotNull();
        assertThat(report.get("category").asString()).isEqualTo("FAKE_EVENT");
        assertThat(report.get("label").asString()).isEqualTo("Vigil " + word);
        assertThat(report.get("targetHidden").asBoolean()).isFalse();
        assertThat(report.toString()).doesNotContain("127.0.0.1", "reporter", "address");

        // Only an admin hides.
        org.owner
                .post("/api/v1/moderation/events/" + decoy + "/hide", Map.of())
                .expectStatus()
                .isNotFound();
        admin.post("/api/v1/moderation/events/" + decoy + "/hide", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.hidden")
                .isEqualTo(true)
                .jsonPath("$.reportsSettled")
                .isEqualTo(1);

        // Every public surface answers exactly as before the event existed: bodies, counts and ETags.
        Map<String, Seen> after = surfaces(publicPaths);
        for (String path : publicPaths) {
            assertThat(after.get(path)).as(path).isEqualTo(before.get(path));
        }
        // Its own page, API answer and download are the 404 of a deleted event; the page says moderators may have
        // removed it.
        stranger.get("/api/v1/events/" + decoy).expectStatus().isNotFound();
        stranger.get("/events/" + decoy + ".ics").expectStatus().isNotFound();
        Seen page = seen("/events/" + decoy);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("removed by the moderators").doesNotContain(word);
        // Reporting it again is reporting something unknown.
        stranger.post("/api/v1/reports", Map.of("kind", "EVENT", "target", decoy, "category", "SPAM"))
                .expectStatus()
                .isNotFound();
        // Its organization still sees it (to know what was hidden, and to appeal).
        org.owner.get("/api/v1/events/" + decoy).expectStatus().isOk();

        // The report left the open queue; the takedown is listed.
        assertThat(admin.get("/api/v1/moderation/reports")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .doesNotContain(decoy);
        assertThat(admin.get("/api/v1/moderation/takedowns")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains(decoy, "Vigil " + word);

        // Moderation is in the organization's audit log.
        assertThat(org.owner
                        .get("/api/v1/organizations/" + org.organization + "/audit")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("EVENT_HIDDEN");

        admin.post("/api/v1/moderation/events/" + decoy + "/restore", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.hidden")
                .isEqualTo(false);
        assertThat(seen("/api/v1/events?q=" + word).body()).contains(decoy);
        assertThat(seen("/feeds/campaigns/" + campaign + ".json").body()).contains(decoy);
        stranger.get("/api/v1/events/" + decoy).expectStatus().isOk();
    }

    @Test
    void aReportCanBeDismissedAndAFloodAboutOneTargetIsNotKept() {
        OrganizationFixtures org = new OrganizationFixtures(api(), "Reported");
        String event = create(org.owner, vigil(org.organization, null, "dismissed", "dismissed"));
        Api.Caller stranger = api().anonymous();
        for (int i = 0; i < Reports.MAX_OPEN_PER_TARGET + 5; i++) {
            stranger.post("/api/v1/reports", Map.of("kind", "EVENT", "target", event, "category", "SPAM"))
                    .expectStatus()
                    .isAccepted();
        }
        Api.Caller admin = platformAdmin();
        JsonNode queue = admin.get("/api/v1/moderation/reports?limit=500")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        List<JsonNode> about = new java.util.ArrayList<>();
        queue.forEach(r -> {
            if (r.get("targetId").asString().equals(event)) {
                about.add(r);
            }
        });
        assertThat(about).hasSize(Reports.MAX_OPEN_PER_TARGET);
        String id = about.getFirst().get("id").asString();
        admin.post("/api/v1/moderation/reports/" + id + "/dismiss", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("DISMISSED");
        admin.post("/api/v1/moderation/reports/" + id + "/dismiss", Map.of())
                .expectStatus()
                .isNotFound();
        // Dismissing hides nothing.
        stranger.get("/api/v1/events/" + event).expectStatus().isOk();
    }

    @Test
    void aHiddenOrganizationAndAllItsEventsDisappearForStrangersButNotForItsMembers() {
        OrganizationFixtures org = new OrganizationFixtures(api(), "Troll farm");
        String word = "zyqorg" + System.nanoTime();
        String event = create(org.owner, vigil(org.organization, null, word, "trolls"));
        Api.Caller stranger = api().anonymous();
        stranger.post("/api/v1/reports", Map.of("kind", "ORGANIZATION", "target", org.organization, "category", "SPAM"))
                .expectStatus()
                .isAccepted();
        String orgId = org.owner
                .get("/api/v1/organizations/" + org.organization)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
        Api.Caller admin = platformAdmin();
        admin.post("/api/v1/moderation/organizations/" + orgId + "/hide", Map.of())
                .expectStatus()
                .isOk();

        stranger.get("/api/v1/organizations/" + org.organization).expectStatus().isNotFound();
        stranger.get("/feeds/organizations/" + org.organization + ".ics")
                .expectStatus()
                .isNotFound();
        stranger.get("/api/v1/events/" + event).expectStatus().isNotFound();
        assertThat(seen("/api/v1/events?q=" + word).body()).doesNotContain(event);
        assertThat(seen("/feeds/events.json?q=" + word).body()).doesNotContain(event);
        org.owner
                .get("/api/v1/organizations/" + org.organization)
                .expectStatus()
                .isOk();

        admin.post("/api/v1/moderation/organizations/" + orgId + "/restore", Map.of())
                .expectStatus()
                .isOk();
        stranger.get("/api/v1/organizations/" + org.organization).expectStatus().isOk();
        assertThat(seen("/api/v1/events?q=" + word).body()).contains(event);
    }

    @Test
    void aSuspendedAccountCannotSignInAndLosesItsSessionsAndTokens() {
        String email = "suspended-" + System.nanoTime() + "@tocsin.test";
        Api.Caller troll = api().newUser("Troll", email);
        String token = troll.post("/api/v1/me/tokens", Map.of("name", "script"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .asString();
        api().bearer(token).get("/api/v1/me").expectStatus().isOk();

        troll.post("/api/v1/moderation/accounts/" + troll.userId() + "/suspend", Map.of())
                .expectStatus()
                .isNotFound();
        Api.Caller admin = platformAdmin();
        admin.post("/api/v1/moderation/accounts/" + troll.userId() + "/suspend", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sessionsEnded")
                .isEqualTo(1)
                .jsonPath("$.revoked.apiTokens")
                .isEqualTo(1);

        troll.get("/api/v1/me").expectStatus().isUnauthorized();
        api().bearer(token).get("/api/v1/me").expectStatus().isUnauthorized();
        api().anonymous()
                .post("/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD))
                .expectStatus()
                .isForbidden();
        assertThat(admin.get("/api/v1/moderation/suspensions")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains(troll.userId());

        admin.delete("/api/v1/moderation/accounts/" + troll.userId() + "/suspend")
                .expectStatus()
                .isNoContent();
        api().signIn(email, Api.PASSWORD);
        // A platform admin is not suspended through the queue.
        admin.post("/api/v1/moderation/accounts/" + admin.userId() + "/suspend", Map.of())
                .expectStatus()
                .isForbidden();
    }
}
