package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * An event's accessibility information and languages: stored from a fixed set and a bounded text,
 * shown on the event (API, server-rendered page, every feed format) and filtered on through the one
 * EventFilter (discovery, the ad-hoc feed). And the per-date RSVP counts of a series, for its organizers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityAndLanguagesTest extends IntegrationTest {

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.get("id").asString()).distinct().toList();
    }

    private String body(String path) {
        return web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void accessibilityAndLanguagesAreShownEverywhereAndFilterDiscoveryAndFeeds() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> accessible = f.vigil("2027-10-10T18:00", "2027-10-10T19:00");
        accessible.put(
                "accessibility",
                Map.of("features", List.of("SEATING", "STEP_FREE_ACCESS", "SEATING"), "note", "Ramp at the side door"));
        accessible.put("languages", List.of("fa", "en-GB"));
        JsonNode created = f.create(accessible);
        String a = created.get("id").asString();
        assertThat(created.get("accessibility").get("features").toString())
                .isEqualTo("[\"STEP_FREE_ACCESS\",\"SEATING\"]");
        Map<String, Object> plain = f.vigil("2027-10-11T18:00", "2027-10-11T19:00");
        plain.put("languages", List.of("de"));
        String b = f.create(plain).get("id").asString();
        assertThat(f.create(f.vigil("2027-10-12T18:00", "2027-10-12T19:00")).has("accessibility"))
                .isFalse();

        // Shown: the page in both languages, and every feed format.
        assertThat(body("/events/" + a)).contains("Step-free access", "Seating", "Ramp at the side door", "fa, en-gb");
        assertThat(body("/events/" + a + "?lang=fa")).contains("دسترسی بدون پله");
        String feed = "/feeds/organizations/" + f.organization;
        assertThat(body(feed + ".json")).contains("Accessibility: step-free access, seating. Ramp at the side door");
        assertThat(body(feed + ".atom")).contains("Accessibility: step-free access, seating");
        assertThat(body(feed + ".ics").replace("\r\n ", "")).contains("Accessibility: step-free access\\, seating");

        // Filtered: every feature asked for must be offered; a language matches its regional forms.
        Api.Caller stranger = api().anonymous();
        assertThat(ids(f.discover(stranger, "accessibility=STEP_FREE_ACCESS"))).containsExactly(a);
        assertThat(ids(f.discover(stranger, "accessibility=step_free_access,seating")))
                .containsExactly(a);
        assertThat(ids(f.discover(stranger, "accessibility=STEP_FREE_ACCESS,SIGN_LANGUAGE")))
                .isEmpty();
        assertThat(ids(f.discover(stranger, "language=fa"))).containsExactly(a);
        assertThat(ids(f.discover(stranger, "language=en"))).containsExactly(a);
        assertThat(ids(f.discover(stranger, "language=de"))).containsExactly(b);
        assertThat(ids(f.discover(stranger, "language=en-US"))).isEmpty();
        assertThat(body("/feeds/events.json?organization=" + f.organization + "&accessibility=SEATING"))
                .contains(a)
                .doesNotContain(b);
        stranger.get("/api/v1/events?accessibility=STAIRS").expectStatus().isBadRequest();
        stranger.get("/api/v1/events?language=not a tag").expectStatus().isBadRequest();
        stranger.get("/feeds/events.json?language=x").expectStatus().isBadRequest();

        // Bounded and checked on input; kept by an edit that does not mention it.
        Map<String, Object> bad = f.vigil("2027-10-10T18:00", "2027-10-10T19:00");
        bad.put("accessibility", Map.of("features", List.of("STAIRS")));
        f.owner.post("/api/v1/events", bad).expectStatus().isBadRequest();
        bad.put("accessibility", Map.of("features", List.of(), "note", "x".repeat(501)));
        f.owner.post("/api/v1/events", bad).expectStatus().isBadRequest();
        f.owner
                .patch("/api/v1/events/" + a, Map.of("title", "Vigil, renamed"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accessibility.note")
                .isEqualTo("Ramp at the side door");
    }

    @Test
    void organizersSeeASeriesRsvpCountsDateByDateAndNobodyElseDoes() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> series = f.vigil("2027-01-07T18:00", "2027-01-07T19:00");
        series.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=3"));
        String event = f.create(series).get("id").asString();
        api().anonymous()
                .post(
                        "/api/v1/events/" + event + "/rsvps",
                        Map.of("name", "Secret Attendee", "response", "GOING", "occurrence", "2027-01-14T18:00"))
                .expectStatus()
                .isCreated();

        String path = "/api/v1/events/" + event + "/rsvps/by-date?from=2027-01-01T00:00:00Z";
        JsonNode dates = f.owner
                .get(path)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(dates).hasSize(3);
        assertThat(dates.get(0).get("occurrence").asString()).isEqualTo("2027-01-07T18:00");
        assertThat(dates.get(0).get("attendance").get("going").asLong()).isZero();
        assertThat(dates.get(1).get("attendance").get("going").asLong()).isEqualTo(1);
        assertThat(dates.get(2).get("attendance").get("going").asLong()).isZero();
        assertThat(dates.toString()).doesNotContain("Secret Attendee");

        f.owner
                .get("/api/v1/events/" + event + "/rsvps/by-date?from=%2B999999999-12-31T23:59:59Z")
                .expectStatus()
                .isBadRequest();
        f.memberWithRole("MEMBER").get(path).expectStatus().isForbidden();
        api().newUser("Stranger").get(path).expectStatus().isNotFound();
        api().anonymous().get(path).expectStatus().isUnauthorized();
    }
}
