package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.web.ApiProblem;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, item 1: discovery, the ad-hoc feed and saved calendars take one filter, bound with the same
 * bounds and matched on one path, so a filter means the same thing wherever it is sent, and the privacy
 * rule of issue 10 holds on every route (a stranger's {@code near=} sees a hidden location's coarse
 * point, {@code q=} only its public words).
 */
class OneEventFilterTest extends IntegrationTest {

    /** 52.5163,13.3777 is shown as 52.5,13.4: about 1.9 km apart. */
    private static final double LAT = 52.5163;

    private static final double LON = 13.3777;

    private List<String> feedTitles(String query) {
        JsonNode feed = api().anonymous()
                .get("/feeds/events.json?" + query)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        List<String> titles = new ArrayList<>();
        feed.get("items").forEach(i -> titles.add(i.get("title").asString()));
        return titles;
    }

    private static List<String> titles(List<JsonNode> items) {
        return items.stream().map(e -> e.get("title").asString()).toList();
    }

    @Test
    void theAdHocFeedFiltersByNearAndWordsAsDiscoveryDoesForAStranger() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> hidden = f.vigil("2027-08-01T18:00", "2027-08-01T19:00");
        hidden.put("title", "Vigil for the detained");
        hidden.put("locationVisibility", "ATTENDEES");
        hidden.put(
                "place",
                Map.of(
                        "venue",
                        "Quellkeller Sieben",
                        "address",
                        "Hinterhof 3",
                        "city",
                        "Berlin",
                        "countryCode",
                        "DE",
                        "lat",
                        LAT,
                        "lon",
                        LON));
        f.create(hidden);
        Api.Caller stranger = api().anonymous();
        String org = "organization=" + f.organization;

        for (String query : List.of("near=" + LAT + "," + LON + "&radiusKm=0.5", "q=quellkeller", "q=sieben")) {
            assertThat(titles(f.discover(stranger, query))).as(query).isEmpty();
            assertThat(feedTitles(org + "&" + query)).as(query).isEmpty();
        }
        for (String query : List.of("near=52.5,13.4&radiusKm=0.5", "q=detained", "kind=VIGIL&city=Berlin&country=de")) {
            assertThat(titles(f.discover(stranger, query))).as(query).containsExactly("Vigil for the detained");
            assertThat(feedTitles(org + "&" + query)).as(query).containsExactly("Vigil for the detained");
        }
        // The organizer finds it by its venue in discovery; a feed is read by strangers and never does.
        assertThat(titles(f.discover(f.owner, "q=quellkeller"))).containsExactly("Vigil for the detained");
        assertThat(feedTitles(org + "&q=quellkeller")).isEmpty();
    }

    @Test
    void theFeedIsBoundedAsDiscoveryIsAndAnUnknownOrganizationKeepsEachRoutesAnswer() {
        Api.Caller stranger = api().anonymous();
        String longWord = "a".repeat(201);
        for (String query : List.of(
                "q=" + longWord,
                "tag=" + "t".repeat(41),
                "organization=" + "o".repeat(65),
                "near=91,0",
                "near=52,13&radiusKm=1001",
                "radiusKm=5",
                "city=Berlin",
                "kind=PICNIC")) {
            expectProblem(stranger.get("/api/v1/events?" + query), 400, ApiProblem.VALIDATION);
            expectProblem(stranger.get("/feeds/events.json?" + query), 400, ApiProblem.VALIDATION);
        }
        // A search naming no organization finds nothing; a feed address naming none is a mistake to show.
        assertThat(stranger.get("/api/v1/events?organization=no-such-group")
                        .expectStatus()
                        .isOk()
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getResponseBody()
                        .get("items")
                        .isEmpty())
                .isTrue();
        expectProblem(stranger.get("/feeds/events.json?organization=no-such-group"), 400, ApiProblem.VALIDATION)
                .jsonPath("$.errors[0].field")
                .isEqualTo("organization");
    }

    @Test
    void aSavedCalendarIsBoundByTheSameBinder() {
        EventFixtures f = new EventFixtures(api());
        Api.Caller user = f.owner;
        expectProblem(
                        user.post(
                                "/api/v1/calendars",
                                Map.of(
                                        "name",
                                        "Berlin",
                                        "slug",
                                        "berlin-no-country",
                                        "filter",
                                        Map.of("city", "Berlin"))),
                        400,
                        ApiProblem.VALIDATION)
                .jsonPath("$.errors[0].field")
                .isEqualTo("filter.country");
        expectProblem(
                        user.post(
                                "/api/v1/calendars",
                                Map.of(
                                        "name",
                                        "Nobody",
                                        "slug",
                                        "nobody-calendar",
                                        "filter",
                                        Map.of("organization", "no-such-group"))),
                        400,
                        ApiProblem.VALIDATION)
                .jsonPath("$.errors[0].field")
                .isEqualTo("filter.organization");
    }
}
