package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.places.CityRef;
import org.tocsin.places.PlaceService;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, finding 15: a PRIVATE event in a new city made that city's public feed exist. Every public
 * thing derived from events (city feeds, the city list, a city's display name and zone, campaign city
 * counts) is derived from PUBLIC events only.
 */
class PublicCitiesTest extends IntegrationTest {

    @Autowired
    PlaceService places;

    @Autowired
    PublicCities publicCities;

    private static Map<String, Object> in(EventFixtures f, String city, String visibility, String campaign) {
        Map<String, Object> body = f.vigil("2027-09-01T18:00", "2027-09-01T19:00");
        body.put("timeZone", "Europe/Oslo");
        body.put("visibility", visibility);
        body.put("place", Map.of("city", city, "countryCode", "NO", "lat", 70.0, "lon", 23.0));
        if (campaign != null) {
            body.put("campaign", campaign);
        }
        return body;
    }

    @Test
    void nonPublicEventsMakeNoCityPublic() {
        EventFixtures f = new EventFixtures(api());
        String campaign = "hidden-cities-" + System.nanoTime();
        f.owner
                .post(
                        "/api/v1/campaigns",
                        Map.of("name", "Hidden cities", "slug", campaign, "organization", f.organization))
                .expectStatus()
                .isCreated();
        f.create(in(f, "HAMMERFEST", "PRIVATE", campaign));
        f.create(in(f, "Vardø", "UNLISTED", campaign));
        Api.Caller stranger = api().anonymous();

        for (String format : new String[] {"ics", "json", "atom"}) {
            stranger.get("/feeds/cities/no/hammerfest." + format).expectStatus().isNotFound();
            stranger.get("/feeds/cities/no/vardø." + format).expectStatus().isNotFound();
        }
        assertThat(stranger.get("/api/v1/cities")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .doesNotContain("no/hammerfest")
                .doesNotContain("no/vard");
        JsonNode page = stranger.get("/api/v1/campaigns/" + campaign)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(page.toString()).doesNotContain("hammerfest").doesNotContain("vard");

        // The first PUBLIC event makes the city, with its spelling, not the private one's.
        f.create(in(f, "Hammerfest", "PUBLIC", null));
        stranger.get("/feeds/cities/no/hammerfest.json")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Actions in Hammerfest");
    }

    @Test
    void citiesThatOnlyNonPublicEventsNamedAreForgottenAtStartUp() {
        EventFixtures f = new EventFixtures(api());
        f.create(in(f, "Kautokeino", "PRIVATE", null));
        // What an older version did for that private event.
        places.remember(new CityRef("no/kautokeino", "Kautokeino", "NO", null, null, null), "Europe/Oslo")
                .block();
        f.create(in(f, "Honningsvåg", "PUBLIC", null));
        assertThat(places.known("no/kautokeino").blockOptional()).isPresent();

        publicCities.forgetCitiesNoPublicEventNames().block();

        assertThat(places.known("no/kautokeino").blockOptional()).isEmpty();
        assertThat(places.known("no/honningsvag").blockOptional()).isPresent();
        api().anonymous().get("/feeds/cities/no/kautokeino.ics").expectStatus().isNotFound();
    }
}
