package org.tocsin.coalitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tocsin.support.Problems.expectProblem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import org.tocsin.support.OutboxFiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 #1: host-an-action submissions. A pending or declined submission is absent from every
 * public surface of the campaign (its page and counts, discovery and the widget's API, all three feed
 * formats) while the event stays on its own organization's pages; an approval puts it there; partners
 * are approved at once; the submitter hears of each decision; an outsider still cannot attach directly.
 */
class SubmissionTest extends IntegrationTest {

    @Value("${tocsin.data-dir}")
    Path dataDir;

    /** A coalition running a campaign with an open call for 10–11 October 2027. */
    private record Campaign(OrganizationFixtures coalition, String slug) {}

    private Campaign campaign(Map<String, Object> callExtras) {
        OrganizationFixtures coalition = new OrganizationFixtures(api(), "Coalition");
        String slug = "united-" + System.nanoTime();
        coalition
                .owner
                .post(
                        "/api/v1/campaigns",
                        Map.of(
                                "name",
                                "United Against Executions",
                                "slug",
                                slug,
                                "startsOn",
                                "2027-10-10",
                                "endsOn",
                                "2027-10-11",
                                "organization",
                                coalition.organization))
                .expectStatus()
                .isCreated();
        Map<String, Object> call = new HashMap<>(Map.of(
                "open",
                true,
                "instructions",
                "### Host a vigil\nBring candles. <script>alert(1)</script>",
                "template",
                "A vigil in {city} for the prisoners.",
                "materials",
                List.of(Map.of("title", "Posters", "url", "https://example.org/posters.zip"))));
        call.putAll(callExtras);
        coalition
                .owner
                .put("/api/v1/campaigns/" + slug + "/call", call)
                .expectStatus()
                .isOk();
        return new Campaign(coalition, slug);
    }

    private static Map<String, Object> vigil(OrganizationFixtures org, String title, String city, String start) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", org.organization);
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", start);
        body.put("end", start.substring(0, 11) + "23:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("place", Map.of("venue", "Hidden courtyard", "city", city, "countryCode", "DE"));
        return body;
    }

    private static String create(OrganizationFixtures org, Map<String, Object> body) {
        return json(org.owner.post("/api/v1/events", body).expectStatus().isCreated())
                .get("id")
                .asString();
    }

    private static JsonNode json(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        return spec.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode submit(OrganizationFixtures org, String slug, String eventId) {
        return json(org.owner
                .post("/api/v1/campaigns/" + slug + "/submissions", Map.of("event", eventId))
                .expectStatus()
                .isCreated());
    }

    private String body(String path) {
        byte[] bytes = web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether a stranger finds the title anywhere the campaign shows its events, and its count. */
    private long publiclyInCampaign(String slug, String title) {
        JsonNode page = json(api().anonymous()
                .get("/api/v1/campaigns/" + slug)
                .expectStatus()
                .isOk());
        long total = page.get("totalEvents").asLong();
        boolean discovery =
                body("/api/v1/events?campaign=" + slug + "&from=2027-01-01").contains(title);
        boolean ics = body("/feeds/campaigns/" + slug + ".ics").contains(title);
        boolean atom = body("/feeds/campaigns/" + slug + ".atom").contains(title);
        boolean jsonFeed = body("/feeds/campaigns/" + slug + ".json").contains(title);
        assertThat(List.of(discovery, ics, atom, jsonFeed))
                .as("discovery, iCal, Atom and JSON Feed agree on %s", title)
                .containsOnly(total > 0);
        return total;
    }

    private static String emailOf(Api.Caller caller) {
        return json(caller.get("/api/v1/me").expectStatus().isOk()).get("email").asString();
    }

    private List<String> mailTo(String email) {
        return OutboxFiles.to(dataDir, email).stream()
                .map(m -> m.subject() + "\n" + m.text())
                .toList();
    }

    @Test
    void aPendingSubmissionIsAbsentFromTheCampaignUntilApprovedAndTheSubmitterIsTold() {
        Campaign c = campaign(Map.of());
        OrganizationFixtures local = new OrganizationFixtures(api(), "Local");
        String title = "Candle vigil " + System.nanoTime();
        String id = create(local, vigil(local, title, "Leipzig", "2027-10-10T19:00"));

        // The public call: instructions sanitised, dates from the campaign.
        JsonNode call = json(api().anonymous()
                .get("/api/v1/campaigns/" + c.slug() + "/call")
                .expectStatus()
                .isOk());
        assertThat(call.get("open").asBoolean()).isTrue();
        assertThat(call.get("instructionsHtml").asString()).contains("<h3>").doesNotContain("<script");
        assertThat(call.get("acceptsFrom").asString()).isEqualTo("2027-10-10");
        assertThat(call.get("materials").get(0).get("url").asString()).isEqualTo("https://example.org/posters.zip");

        JsonNode submission = submit(local, c.slug(), id);
        assertThat(submission.get("state").asString()).isEqualTo("PENDING");
        // An event joins one campaign at a time.
        Campaign another = campaign(Map.of());
        local.owner
                .post("/api/v1/campaigns/" + another.slug() + "/submissions", Map.of("event", id))
                .expectStatus()
                .isCreated();
        assertThat(publiclyInCampaign(c.slug(), title)).isZero();
        // The event itself is as it would be without the campaign: public on its organization's pages.
        json(api().anonymous().get("/api/v1/events/" + id).expectStatus().isOk());
        api().anonymous()
                .get("/api/v1/events/" + id)
                .expectBody()
                .jsonPath("$.campaign")
                .doesNotExist();
        assertThat(body("/feeds/organizations/" + local.organization + ".ics")).contains(title);

        // The queue is the campaign organizers' alone.
        local.owner
                .get("/api/v1/campaigns/" + c.slug() + "/submissions")
                .expectStatus()
                .isForbidden();
        api().anonymous()
                .get("/api/v1/campaigns/" + c.slug() + "/submissions")
                .expectStatus()
                .is4xxClientError();
        JsonNode queue = json(c.coalition()
                .owner
                .get("/api/v1/campaigns/" + c.slug() + "/submissions?state=PENDING")
                .expectStatus()
                .isOk());
        assertThat(queue).hasSize(1);
        JsonNode item = queue.get(0);
        assertThat(item.get("organization").get("slug").asString()).isEqualTo(local.organization);
        // Pending here and in the other campaign it was offered to.
        assertThat(item.get("history").get("pending").asLong()).isEqualTo(2);
        assertThat(item.get("event").get("city").asString()).isEqualTo("Leipzig");
        assertThat(item.toString()).doesNotContain("Hidden courtyard");

        c.coalition()
                .owner
                .post(
                        "/api/v1/campaigns/" + c.slug() + "/submissions/"
                                + item.get("id").asString() + "/approve",
                        Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("APPROVED");
        assertThat(publiclyInCampaign(c.slug(), title)).isEqualTo(1);
        String elsewhere = json(another.coalition()
                        .owner
                        .get("/api/v1/campaigns/" + another.slug() + "/submissions")
                        .expectStatus()
                        .isOk())
                .get(0)
                .get("id")
                .asString();
        expectProblem(
                another.coalition()
                        .owner
                        .post(
                                "/api/v1/campaigns/" + another.slug() + "/submissions/" + elsewhere + "/approve",
                                Map.of()),
                409,
                "/problems/conflict");
        assertThat(publiclyInCampaign(another.slug(), title)).isZero();
        assertThat(publiclyInCampaign(c.slug(), title)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(mailTo(emailOf(local.owner)))
                        .anySatisfy(m -> assertThat(m).contains("Approved for")));

        JsonNode dashboard = json(local.owner
                .get("/api/v1/organizations/" + local.organization + "/submissions")
                .expectStatus()
                .isOk());
        // Newest first: the submission still pending elsewhere, then the approved one.
        assertThat(dashboard)
                .extracting(n -> n.get("campaign").get("slug").asString() + " "
                        + n.get("state").asString())
                .containsExactly(another.slug() + " PENDING", c.slug() + " APPROVED");
    }

    @Test
    void aDeclinedSubmissionNeverShowsAndItsReasonReachesTheSubmitter() {
        Campaign c = campaign(Map.of());
        OrganizationFixtures troll = new OrganizationFixtures(api(), "Decoy");
        String title = "Decoy gathering " + System.nanoTime();
        String id = create(troll, vigil(troll, title, "Leipzig", "2027-10-10T19:00"));
        String submission = submit(troll, c.slug(), id).get("id").asString();
        String path = "/api/v1/campaigns/" + c.slug() + "/submissions/" + submission;

        expectProblem(c.coalition().owner.post(path + "/decline", Map.of("reason", " ")), 400, "/problems/validation");
        // The submitter cannot decide on its own submission.
        troll.owner.post(path + "/approve", Map.of()).expectStatus().isForbidden();
        c.coalition()
                .owner
                .post(path + "/decline", Map.of("reason", "We do not know this group"))
                .expectStatus()
                .isOk();
        assertThat(publiclyInCampaign(c.slug(), title)).isZero();
        // Submitting again changes nothing.
        troll.owner
                .post("/api/v1/campaigns/" + c.slug() + "/submissions", Map.of("event", id))
                .expectStatus()
                .isEqualTo(409);
        assertThat(publiclyInCampaign(c.slug(), title)).isZero();

        JsonNode dashboard = json(troll.owner
                .get("/api/v1/organizations/" + troll.organization + "/submissions")
                .expectStatus()
                .isOk());
        assertThat(dashboard.get(0).get("state").asString()).isEqualTo("DECLINED");
        assertThat(dashboard.get(0).get("reason").asString()).isEqualTo("We do not know this group");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(mailTo(emailOf(troll.owner)))
                        .anySatisfy(m -> assertThat(m).contains("We do not know this group")));
    }

    @Test
    void partnersAreApprovedAtOnceAndOutsidersStillCannotAttachDirectly() {
        Campaign c = campaign(Map.of());
        OrganizationFixtures partner = new OrganizationFixtures(api(), "Partner");
        c.coalition()
                .owner
                .put(
                        "/api/v1/campaigns/" + c.slug() + "/partners",
                        Map.of("organizations", List.of(partner.organization)))
                .expectStatus()
                .isOk();
        String title = "Partner rally " + System.nanoTime();
        String id = create(partner, vigil(partner, title, "Dresden", "2027-10-11T12:00"));
        assertThat(submit(partner, c.slug(), id).get("state").asString()).isEqualTo("APPROVED");
        assertThat(publiclyInCampaign(c.slug(), title)).isEqualTo(1);

        OrganizationFixtures outsider = new OrganizationFixtures(api(), "Outsider");
        Map<String, Object> direct = vigil(outsider, "Direct " + System.nanoTime(), "Dresden", "2027-10-11T12:00");
        direct.put("campaign", c.slug());
        expectProblem(outsider.owner.post("/api/v1/events", direct), 403, "/problems/campaign-closed");
    }

    @Test
    void theCallDecidesWhatMayBeSubmitted() {
        Campaign c = campaign(Map.of("acceptsFrom", "2027-10-10", "acceptsTo", "2027-10-10"));
        OrganizationFixtures local = new OrganizationFixtures(api(), "Local");
        String late = create(local, vigil(local, "Late vigil", "Leipzig", "2027-10-11T19:00"));
        expectProblem(
                        local.owner.post("/api/v1/campaigns/" + c.slug() + "/submissions", Map.of("event", late)),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("event");
        // Someone else's event is not found, whoever asks.
        OrganizationFixtures other = new OrganizationFixtures(api(), "Other");
        other.owner
                .post("/api/v1/campaigns/" + c.slug() + "/submissions", Map.of("event", late))
                .expectStatus()
                .isNotFound();
        Map<String, Object> privateOne = vigil(local, "Members only", "Leipzig", "2027-10-10T19:00");
        privateOne.put("visibility", "PRIVATE");
        String hidden = create(local, privateOne);
        expectProblem(
                local.owner.post("/api/v1/campaigns/" + c.slug() + "/submissions", Map.of("event", hidden)),
                400,
                "/problems/validation");

        c.coalition()
                .owner
                .put("/api/v1/campaigns/" + c.slug() + "/call", Map.of("open", false))
                .expectStatus()
                .isOk();
        String onTime = create(local, vigil(local, "On time", "Leipzig", "2027-10-10T19:00"));
        expectProblem(
                local.owner.post("/api/v1/campaigns/" + c.slug() + "/submissions", Map.of("event", onTime)),
                403,
                "/problems/campaign-closed");
        // Only the campaign's organizers write its call.
        local.owner
                .put("/api/v1/campaigns/" + c.slug() + "/call", Map.of("open", true))
                .expectStatus()
                .isForbidden();
        expectProblem(
                c.coalition()
                        .owner
                        .put(
                                "/api/v1/campaigns/" + c.slug() + "/call",
                                Map.of("materials", List.of(Map.of("title", "x", "url", "javascript:alert(1)")))),
                400,
                "/problems/validation");

        // The editor's preview: the same sanitised Markdown as the public call, for its organizers only, saving
        // nothing.
        String preview = "/api/v1/campaigns/" + c.slug() + "/call/preview";
        JsonNode rendered = json(c.coalition()
                .owner
                .post(preview, Map.of("instructions", "### Bring candles\n<script>alert(1)</script>"))
                .expectStatus()
                .isOk());
        assertThat(rendered.get("instructionsHtml").asString())
                .contains("<h3>Bring candles</h3>")
                .doesNotContain("<script");
        local.owner.post(preview, Map.of("instructions", "x")).expectStatus().isForbidden();
        api().anonymous()
                .post(preview, Map.of("instructions", "x"))
                .expectStatus()
                .is4xxClientError();
        expectProblem(
                c.coalition().owner.post(preview, Map.of("instructions", "x".repeat(10_001))),
                400,
                "/problems/validation");
        assertThat(json(api().anonymous()
                                .get("/api/v1/campaigns/" + c.slug() + "/call")
                                .expectStatus()
                                .isOk())
                        .get("instructions")
                        .asString())
                .doesNotContain("Bring candles");
    }

    @Test
    void theQueueFiltersAndBulkApproves() {
        Campaign c = campaign(Map.of());
        OrganizationFixtures a = new OrganizationFixtures(api(), "Leipzig group");
        OrganizationFixtures b = new OrganizationFixtures(api(), "Dresden group");
        String leipzig = "Leipzig vigil " + System.nanoTime();
        String dresden = "Dresden vigil " + System.nanoTime();
        String first = submit(a, c.slug(), create(a, vigil(a, leipzig, "Leipzig", "2027-10-10T19:00")))
                .get("id")
                .asString();
        String second = submit(b, c.slug(), create(b, vigil(b, dresden, "Dresden", "2027-10-11T19:00")))
                .get("id")
                .asString();
        String queue = "/api/v1/campaigns/" + c.slug() + "/submissions";
        assertThat(json(c.coalition()
                        .owner
                        .get(queue + "?city=leipzig")
                        .expectStatus()
                        .isOk()))
                .extracting(n -> n.get("id").asString())
                .containsExactly(first);
        assertThat(json(c.coalition()
                        .owner
                        .get(queue + "?from=2027-10-11")
                        .expectStatus()
                        .isOk()))
                .extracting(n -> n.get("id").asString())
                .containsExactly(second);

        JsonNode approved = json(c.coalition()
                .owner
                .post(queue + "/approve", Map.of("ids", List.of(first, second, "unknown-id")))
                .expectStatus()
                .isOk());
        assertThat(approved).hasSize(2);
        assertThat(json(c.coalition()
                        .owner
                        .get(queue + "?state=PENDING")
                        .expectStatus()
                        .isOk()))
                .isEmpty();
        assertThat(publiclyInCampaign(c.slug(), leipzig)).isEqualTo(2);
        assertThat(publiclyInCampaign(c.slug(), dresden)).isEqualTo(2);
    }

    @Test
    void aChangedTimeGoesBackToReviewOnlyWhenTheCampaignAsks() {
        Campaign reviewing = campaign(Map.of("reviewChanges", true));
        Campaign trusting = campaign(Map.of());
        OrganizationFixtures local = new OrganizationFixtures(api(), "Local");
        String title = "Moving vigil " + System.nanoTime();
        String other = create(local, vigil(local, title, "Leipzig", "2027-10-10T19:00"));
        String s = submit(local, trusting.slug(), other).get("id").asString();
        trusting.coalition()
                .owner
                .post("/api/v1/campaigns/" + trusting.slug() + "/submissions/" + s + "/approve", Map.of())
                .expectStatus()
                .isOk();

        local.owner
                .patch("/api/v1/events/" + other, Map.of("start", "2027-10-10T20:00"))
                .expectStatus()
                .isOk();
        String moved = create(local, vigil(local, "Reviewed " + System.nanoTime(), "Leipzig", "2027-10-10T19:00"));
        String r = submit(local, reviewing.slug(), moved).get("id").asString();
        reviewing
                .coalition()
                .owner
                .post("/api/v1/campaigns/" + reviewing.slug() + "/submissions/" + r + "/approve", Map.of())
                .expectStatus()
                .isOk();
        local.owner
                .patch("/api/v1/events/" + moved, Map.of("place", Map.of("city", "Halle", "countryCode", "DE")))
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(json(reviewing
                                .coalition()
                                .owner
                                .get("/api/v1/campaigns/" + reviewing.slug() + "/submissions?state=PENDING")
                                .expectStatus()
                                .isOk()))
                        .extracting(n -> n.get("id").asString())
                        .contains(r));
        local.owner
                .get("/api/v1/events/" + moved)
                .expectBody()
                .jsonPath("$.campaign")
                .doesNotExist();
        // The trusting campaign keeps its event through the change.
        local.owner
                .get("/api/v1/events/" + other)
                .expectBody()
                .jsonPath("$.campaign.slug")
                .isEqualTo(trusting.slug());
    }
}
