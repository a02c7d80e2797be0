package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class DiscoveryTest extends IntegrationTest {

    private static Map<String, Object> in(
            EventFixtures f,
            String title,
            String city,
            String country,
            double lat,
            double lon,
            String zone,
            String day) {
        Map<String, Object> body = f.vigil(day + "T18:00", day + "T19:00");
        body.put("title", title);
        body.put("timeZone", zone);
        body.put("place", Map.of("city", city, "countryCode", country, "lat", lat, "lon", lon));
        return body;
    }

    @Test
    void aRadiusAroundBerlinFindsPotsdamButNotTehran() {
        EventFixtures f = new EventFixtures(api());
        f.create(in(f, "Potsdam vigil", "Potsdam", "DE", 52.3906, 13.0645, "Europe/Berlin", "2027-06-01"));
        f.create(in(f, "Tehran vigil", "Tehran", "IR", 35.6892, 51.3890, "Asia/Tehran", "2027-06-01"));
        assertThat(f.discover(f.owner, "near=52.52,13.405&radiusKm=50"))
                .extracting(e -> e.get("title").asString())
                .containsExactly("Potsdam vigil");
        assertThat(f.discover(f.owner, "near=35.7,51.4&radiusKm=50"))
                .extracting(e -> e.get("title").asString())
                .containsExactly("Tehran vigil");
    }

    @Test
    void persianTextIsFoundWhateverTheKeyboard() {
        EventFixtures f = new EventFixtures(api());
        f.create(in(f, "تجمع در تهران برای آزادی", "Tehran", "IR", 35.6892, 51.3890, "Asia/Tehran", "2027-06-02"));
        f.create(in(f, "Vigil in Berlin", "Berlin", "DE", 52.52, 13.405, "Europe/Berlin", "2027-06-02"));
        assertThat(f.discover(f.owner, "q=تهران")).hasSize(1);
        // Arabic keyboards type ي and ك where Persian has ی and ک; a prefix is enough.
        assertThat(f.discover(f.owner, "q=آزاد")).hasSize(1);
        assertThat(f.discover(f.owner, "q=ازادي")).hasSize(1);
        assertThat(f.discover(f.owner, "q=tehran")).hasSize(1);
        assertThat(f.discover(f.owner, "q=berl"))
                .extracting(e -> e.get("title").asString())
                .containsExactly("Vigil in Berlin");
    }

    @Test
    void filtersByCityCountryKindAndTag() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> march = in(f, "March", "Paris", "FR", 48.8566, 2.3522, "Europe/Paris", "2027-06-03");
        march.put("kind", "MARCH");
        march.put("tags", List.of("#WomanLifeFreedom"));
        f.create(march);
        f.create(in(f, "Vigil", "Paris", "US", 33.66, -95.55, "America/Chicago", "2027-06-03"));
        assertThat(f.discover(f.owner, "city=PARIS&country=fr"))
                .extracting(e -> e.get("title").asString())
                .containsExactly("March");
        assertThat(f.discover(f.owner, "country=US"))
                .extracting(e -> e.get("title").asString())
                .containsExactly("Vigil");
        assertThat(f.discover(f.owner, "kind=MARCH")).hasSize(1);
        assertThat(f.discover(f.owner, "tag=womanlifefreedom")).hasSize(1);
        assertThat(f.discover(f.owner, "from=2027-06-04")).isEmpty();
        assertThat(f.discover(f.owner, "to=2027-06-03T10:00:00Z")).isEmpty();
    }

    @Test
    void pagesFollowOneAnotherWithoutDuplicatesOrGaps() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> weekly = f.vigil("2027-07-01T18:00", "2027-07-01T19:00");
        weekly.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=9"));
        f.create(weekly);
        for (int day = 1; day <= 8; day++) {
            // Several events at the same instant: the cursor must still separate them.
            f.create(f.vigil("2027-07-0" + day + "T18:00", "2027-07-0" + day + "T19:00"));
        }
        List<JsonNode> all = f.discoverAll(f.owner, "organization=" + f.organization + "&from=2026-12-01", 200);
        List<JsonNode> paged = f.discoverAll(f.owner, "organization=" + f.organization + "&from=2026-12-01", 4);
        assertThat(all).hasSize(17);
        assertThat(paged)
                .extracting(e -> e.get("id").asString() + e.path("recurrenceId").asString(""))
                .containsExactlyElementsOf(all.stream()
                        .map(e ->
                                e.get("id").asString() + e.path("recurrenceId").asString(""))
                        .toList());
        assertThat(new HashSet<>(paged.stream()
                        .map(e ->
                                e.get("id").asString() + e.path("recurrenceId").asString(""))
                        .toList()))
                .hasSize(17);
        assertThat(paged).extracting(e -> e.get("startUtc").asString()).isSorted();
    }

    @Test
    void aRareWordPagesThroughItsFewEventsInStartOrder() {
        EventFixtures f = new EventFixtures(api());
        for (int day = 1; day <= 8; day++) {
            Map<String, Object> body = f.vigil("2027-09-0" + day + "T18:00", "2027-09-0" + day + "T19:00");
            body.put("title", day % 2 == 0 ? "Vigil with the xylophone choir " + day : "Vigil " + day);
            f.create(body);
        }
        Map<String, Object> series = f.vigil("2027-09-02T12:00", "2027-09-02T13:00");
        series.put("title", "Weekly xylophone practice");
        series.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=3"));
        f.create(series);
        List<JsonNode> paged = f.discoverAll(f.owner, "organization=" + f.organization + "&from=2026-12-01&q=XYLO", 2);
        assertThat(paged)
                .extracting(e -> e.get("start").asString())
                .containsExactly(
                        "2027-09-02T12:00",
                        "2027-09-02T18:00",
                        "2027-09-04T18:00",
                        "2027-09-06T18:00",
                        "2027-09-08T18:00",
                        "2027-09-09T12:00",
                        "2027-09-16T12:00");
        // The word changes: the old one no longer finds the event, the new one does.
        String id = paged.getFirst().get("id").asString();
        f.owner
                .patch("/api/v1/events/" + id, Map.of("title", "Weekly marimba practice"))
                .expectStatus()
                .isOk();
        assertThat(f.discover(f.owner, "q=marimba")).hasSize(3);
        assertThat(f.discover(f.owner, "q=xylophone")).hasSize(4);
    }

    @Test
    void aListedEventIsShownAsLastWrittenRightAfterBeingShown() {
        EventFixtures f = new EventFixtures(api());
        String id = f.create(
                        in(f, "Vigil at the embassy", "Berlin", "DE", 52.52, 13.405, "Europe/Berlin", "2027-06-05"))
                .get("id")
                .asString();
        Api.Caller stranger = api().anonymous();
        assertThat(f.discover(stranger, "city=Berlin&country=DE"))
                .extracting(e -> e.get("title").asString())
                .containsExactly("Vigil at the embassy");

        // Pages keep recently shown documents: an edit must show on the very next page, for everyone.
        f.owner
                .patch(
                        "/api/v1/events/" + id,
                        Map.of("title", "Vigil moved to the square", "description", "Bring candles."))
                .expectStatus()
                .isOk();
        for (Api.Caller caller : List.of(stranger, f.owner)) {
            assertThat(f.discover(caller, "city=Berlin&country=DE"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.get("title").asString()).isEqualTo("Vigil moved to the square");
                        assertThat(e.get("description").asString()).isEqualTo("Bring candles.");
                    });
        }

        f.owner.delete("/api/v1/events/" + id).expectStatus().isNoContent();
        assertThat(f.discover(stranger, "city=Berlin&country=DE")).isEmpty();
    }

    @Test
    void aCampaignCountsItsCities() {
        EventFixtures f = new EventFixtures(api());
        String slug = "day-of-action-" + System.nanoTime();
        f.owner
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
                                "2027-10-10",
                                "organization",
                                f.organization))
                .expectStatus()
                .isCreated();
        for (String city : List.of("Berlin", "berlin", "Paris")) {
            Map<String, Object> body = in(
                    f,
                    "Vigil",
                    city,
                    city.equalsIgnoreCase("berlin") ? "DE" : "FR",
                    50,
                    5,
                    "Europe/Berlin",
                    "2027-10-10");
            body.put("campaign", slug);
            f.create(body);
        }
        web.get()
                .uri("/api/v1/campaigns/" + slug)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.totalEvents")
                .isEqualTo(3)
                .jsonPath("$.cities[0].cityKey")
                .isEqualTo("de/berlin")
                .jsonPath("$.cities[0].events")
                .isEqualTo(2)
                // Where to put the city on the campaign's map (coarse: a city, not a doorstep).
                .jsonPath("$.cities[0].lat")
                .isEqualTo(50.0)
                .jsonPath("$.cities[0].lon")
                .isEqualTo(5.0)
                .jsonPath("$.cities[1].cityKey")
                .isEqualTo("fr/paris");
        assertThat(f.discover(f.owner, "campaign=" + slug)).hasSize(3);
    }
}
