package org.tocsin.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11: a campaign goes with its organization when the platform's moderators hide it. Its page (HTML
 * and API), its call to host an action, its feeds and discovery by campaign answer a stranger exactly as
 * an unknown slug does; a partner's approved action stays public on its own page without the campaign;
 * restoring the organization brings all of it back.
 */
class HiddenCampaignTest extends IntegrationTest {

    /** Every public address of a campaign, by its slug. */
    private static final List<String> SURFACES = List.of(
            "/campaigns/%s",
            "/api/v1/campaigns/%s",
            "/api/v1/campaigns/%s/call",
            "/feeds/campaigns/%s.ics",
            "/feeds/campaigns/%s.json",
            "/feeds/campaigns/%s.atom",
            "/api/v1/events?campaign=%s");

    /** Status, ETag and body of an anonymous GET, with the slug asked for written as {@code SLUG}. */
    private record Seen(int status, String etag, String body) {}

    private Seen seen(String path, String slug, MediaType accept) {
        EntityExchangeResult<byte[]> result = web.get()
                .uri(path)
                .accept(accept)
                .exchange()
                .expectBody(byte[].class)
                .returnResult();
        byte[] body = result.getResponseBody();
        return new Seen(
                result.getStatus().value(),
                result.getResponseHeaders().getETag(),
                body == null ? "" : new String(body, StandardCharsets.UTF_8).replace(slug, "SLUG"));
    }

    private Map<String, Seen> surfaces(String slug) {
        Map<String, Seen> all = new LinkedHashMap<>();
        for (String template : SURFACES) {
            MediaType accept = template.startsWith("/campaigns/") ? MediaType.TEXT_HTML : MediaType.ALL;
            all.put(template, seen(template.formatted(slug), slug, accept));
        }
        return all;
    }

    private static JsonNode json(WebTestClient.ResponseSpec spec) {
        return spec.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> vigil(OrganizationFixtures org, String title, String campaign) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", org.organization);
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", "2027-10-10T19:00");
        body.put("end", "2027-10-10T21:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("place", Map.of("venue", "Market square", "city", "Leipzig", "countryCode", "DE"));
        if (campaign != null) {
            body.put("campaign", campaign);
        }
        return body;
    }

    private static String create(OrganizationFixtures org, Map<String, Object> body) {
        return json(org.owner.post("/api/v1/events", body).expectStatus().isCreated())
                .get("id")
                .asString();
    }

    private static String idOf(OrganizationFixtures org) {
        return json(org.owner
                        .get("/api/v1/organizations/" + org.organization)
                        .expectStatus()
                        .isOk())
                .get("id")
                .asString();
    }

    /** The campaign's name on the partner's event, as a stranger reads it (API and page); null when none. */
    private String campaignOn(String eventId) {
        JsonNode event = json(api().anonymous()
                .get("/api/v1/events/" + eventId)
                .expectStatus()
                .isOk());
        String page = seen("/events/" + eventId, "\u0000", MediaType.TEXT_HTML).body();
        JsonNode campaign = event.get("campaign");
        boolean linked = page.contains("/campaigns/");
        assertThat(linked).as("the page links the campaign as the API names it").isEqualTo(campaign != null);
        return campaign == null ? null : campaign.get("slug").asString();
    }

    @Test
    void aHiddenOrganizationsCampaignAnswersAsAnUnknownOneAndComesBackOnRestore() {
        OrganizationFixtures coalition = new OrganizationFixtures(api(), "Coalition");
        String slug = "hidden-day-" + System.nanoTime();
        coalition
                .owner
                .post(
                        "/api/v1/campaigns",
                        Map.of(
                                "name", "Day of candles",
                                "slug", slug,
                                "startsOn", "2027-10-10",
                                "endsOn", "2027-10-11",
                                "organization", coalition.organization))
                .expectStatus()
                .isCreated();
        coalition
                .owner
                .put("/api/v1/campaigns/" + slug + "/call", Map.of("open", true))
                .expectStatus()
                .isOk();
        String ownTitle = "Coalition vigil " + System.nanoTime();
        create(coalition, vigil(coalition, ownTitle, slug));
        OrganizationFixtures local = new OrganizationFixtures(api(), "Local");
        String partnerTitle = "Partner vigil " + System.nanoTime();
        String partnerEvent = create(local, vigil(local, partnerTitle, null));
        String submission = json(local.owner
                        .post("/api/v1/campaigns/" + slug + "/submissions", Map.of("event", partnerEvent))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
        coalition
                .owner
                .post("/api/v1/campaigns/" + slug + "/submissions/" + submission + "/approve", Map.of())
                .expectStatus()
                .isOk();

        String unknown = "no-such-day-" + System.nanoTime();
        Map<String, Seen> asUnknown = surfaces(unknown);
        Map<String, Seen> shown = surfaces(slug);
        assertThat(shown.values()).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
        assertThat(shown.get("/feeds/campaigns/%s.ics").body()).contains(ownTitle, partnerTitle);
        assertThat(campaignOn(partnerEvent)).isEqualTo(slug);

        Api.Caller admin = platformAdmin();
        String coalitionId = idOf(coalition);
        admin.post("/api/v1/moderation/organizations/" + coalitionId + "/hide", Map.of())
                .expectStatus()
                .isOk();

        // Every address, even the feeds just read (and remembered for a few seconds), as for no campaign.
        assertThat(surfaces(slug)).isEqualTo(asUnknown);
        assertThat(json(api().anonymous()
                                .get("/api/v1/campaigns")
                                .expectStatus()
                                .isOk())
                        .toString())
                .doesNotContain(slug);
        // Nobody outside learns it exists by putting an event into it.
        OrganizationFixtures stranger = new OrganizationFixtures(api(), "Stranger");
        assertThat(seenPost(stranger, vigil(stranger, "Decoy", slug), slug))
                .isEqualTo(seenPost(stranger, vigil(stranger, "Decoy", unknown), unknown));
        // The partner's action stays public where it belongs, without the campaign.
        assertThat(campaignOn(partnerEvent)).isNull();
        assertThat(seen("/feeds/organizations/" + local.organization + ".ics", "\u0000", MediaType.ALL)
                        .body())
                .contains(partnerTitle);
        // Its organizer still edits it, and it keeps its place in the campaign for a restore.
        local.owner
                .patch("/api/v1/events/" + partnerEvent, Map.of("title", partnerTitle + " (moved)"))
                .expectStatus()
                .isOk();

        admin.post("/api/v1/moderation/organizations/" + coalitionId + "/restore", Map.of())
                .expectStatus()
                .isOk();
        Map<String, Seen> back = surfaces(slug);
        assertThat(back.values()).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
        assertThat(back.get("/feeds/campaigns/%s.ics").body()).contains(ownTitle, partnerTitle + " (moved)");
        assertThat(campaignOn(partnerEvent)).isEqualTo(slug);
    }

    /** Status and problem of a stranger's new event naming {@code campaign}, the slug written as {@code SLUG}. */
    private static String seenPost(OrganizationFixtures org, Map<String, Object> body, String campaign) {
        EntityExchangeResult<byte[]> result =
                org.owner.post("/api/v1/events", body).expectBody(byte[].class).returnResult();
        byte[] bytes = result.getResponseBody();
        return result.getStatus().value() + " "
                + (bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8))
                        .replace(campaign, "SLUG")
                        .replaceAll("\"(requestId|traceId|timestamp)\":\"[^\"]*\"", "");
    }
}
