package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tocsin.events.internal.EventStore;
import org.tocsin.places.PlaceService;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, item 3: a city typed in any script is one city (the offline gazetteer), an action given
 * only a city is placed at its centre so "near me" finds it, and cities stored under an older key are
 * merged into the canonical one, their old addresses answering 301.
 */
class CityGazetteerTest extends IntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    PlaceService places;

    @Autowired
    CityMerge merge;

    @Autowired
    EventStore store;

    @Autowired
    EventIndex index;

    /** As the web app's editor sends it: a city and a country, no zone, no coordinates. */
    private static Map<String, Object> onlyACity(EventFixtures f, String title, String city, String country) {
        Map<String, Object> body = f.vigil("2027-10-03T18:00", "2027-10-03T19:00");
        body.remove("timeZone");
        body.put("title", title);
        body.put("place", new HashMap<>(Map.of("city", city, "countryCode", country)));
        return body;
    }

    @Test
    void tehranInPersianAndInLatinLettersIsOneCity() {
        EventFixtures f = new EventFixtures(api());
        JsonNode persian = f.create(onlyACity(f, "Vigil at Azadi " + System.nanoTime(), "تهران", "IR"));
        JsonNode latin = f.create(onlyACity(f, "Vigil in Tehran " + System.nanoTime(), "TEHRAN", "ir"));
        JsonNode arabic = f.create(onlyACity(f, "Vigil (Arabic spelling) " + System.nanoTime(), "طهران", "IR"));

        for (JsonNode event : List.of(persian, latin, arabic)) {
            assertThat(event.at("/place/cityKey").asString()).isEqualTo("ir/tehran");
            assertThat(event.at("/place/city").asString()).isEqualTo("Tehran");
            assertThat(event.at("/timeZone").asString()).isEqualTo("Asia/Tehran");
            // The gazetteer's Persian name beside the canonical one, for outputs in Persian.
            assertThat(event.at("/place/cityNames").properties())
                    .singleElement()
                    .satisfies(name -> {
                        assertThat(name.getKey()).isEqualTo("fa");
                        assertThat(name.getValue().asString()).isEqualTo("تهران");
                    });
        }
        JsonNode cities = api().anonymous()
                .get("/api/v1/cities")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        JsonNode tehran = null;
        for (JsonNode city : cities) {
            if (city.get("cityKey").asString().equals("ir/tehran")) {
                tehran = city;
            }
        }
        assertThat(tehran).as("ir/tehran in /api/v1/cities").isNotNull();
        assertThat(tehran.at("/cityNames/fa").asString()).isEqualTo("تهران");
        assertThat(tehran.at("/city").asString()).isEqualTo("Tehran");
        String feed = api().anonymous()
                .get("/feeds/cities/ir/tehran.json")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(feed)
                .contains(persian.at("/title").asString())
                .contains(latin.at("/title").asString())
                .contains(arabic.at("/title").asString());
        // A city filter in Persian finds the same actions.
        assertThat(f.discover(f.owner, "city=تهران&country=IR").stream()
                        .map(e -> e.at("/id").asString()))
                .contains(persian.at("/id").asString(), latin.at("/id").asString());
        assertThat(places.persianName("ir/tehran")).contains("تهران");
        // A city the gazetteer does not know has no other names, and the API says none.
        Map<String, Object> hamlet = onlyACity(f, "Vigil in a hamlet " + System.nanoTime(), "Nowhere Hamlet", "IR");
        hamlet.put("timeZone", "Asia/Tehran");
        JsonNode typed = f.create(hamlet);
        assertThat(typed.at("/place").has("cityNames")).isFalse();
        assertThat(places.names("ir/nowhere-hamlet")).isNull();
    }

    @Test
    void anActionWithOnlyACityIsFoundNearIt() {
        EventFixtures f = new EventFixtures(api());
        JsonNode mashhad = f.create(onlyACity(f, "Vigil in Mashhad", "مشهد", "IR"));
        JsonNode auckland = f.create(onlyACity(f, "Vigil in Auckland", "auckland", "NZ"));

        assertThat(mashhad.at("/place/lat").asDouble()).isBetween(36.2, 36.4);
        assertThat(f.discover(api().anonymous(), "near=36.3,59.6&radiusKm=25").stream()
                        .map(e -> e.at("/id").asString()))
                .contains(mashhad.at("/id").asString())
                .doesNotContain(auckland.at("/id").asString());
        assertThat(f.discover(api().anonymous(), "near=-36.85,174.76&radiusKm=25").stream()
                        .map(e -> e.at("/id").asString()))
                .containsExactly(auckland.at("/id").asString());
    }

    @Test
    void oldCityAddressesRedirectToTheCanonicalCity() {
        Api.Caller stranger = api().anonymous();
        stranger.get("/feeds/cities/ir/تهران.ics?lang=fa")
                .expectStatus()
                .isEqualTo(301)
                .expectHeader()
                .valueEquals("Location", "/feeds/cities/ir/tehran.ics?lang=fa");
        stranger.get("/cities/IR/طهران")
                .expectStatus()
                .isEqualTo(301)
                .expectHeader()
                .valueEquals("Location", "/cities/ir/tehran");
        // The canonical address, and a city the gazetteer does not know, answer as before.
        stranger.get("/feeds/cities/ir/tehran.ics")
                .expectStatus()
                .value(s -> assertThat(s).isNotEqualTo(301));
        stranger.get("/feeds/cities/no/nowhere-at-all.ics").expectStatus().isNotFound();
    }

    @Test
    void citiesStoredUnderAnOldKeyAreMergedAtStartUp() {
        EventFixtures f = new EventFixtures(api());
        String title = "Old vigil " + System.nanoTime();
        String id = f.create(onlyACity(f, title, "Tehran", "IR")).at("/id").asString();
        // As stored before the gazetteer: the key as typed, no coordinates, and that city known.
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(id)),
                        new Update()
                                .set("place.cityKey", "ir/تهران")
                                .set("place.city", "تهران")
                                .set("place.lat", null)
                                .set("place.lon", null),
                        "events")
                .block();
        mongo.save(
                        new Document("_id", "ir/تهران")
                                .append("name", "تهران")
                                .append("countryCode", "IR")
                                .append("timeZone", "Asia/Tehran"),
                        "cities")
                .block();
        store.byId(id).flatMap(index::indexed).block();
        assertThat(f.discover(f.owner, "near=35.69,51.42&radiusKm=25")).isEmpty();

        assertThat(merge.merge().block()).isPositive();

        Document place = mongo.findById(id, Document.class, "events").block().get("place", Document.class);
        assertThat(place.getString("cityKey")).isEqualTo("ir/tehran");
        assertThat(place.getString("city")).isEqualTo("Tehran");
        assertThat(place.getDouble("lat")).isBetween(35.6, 35.8);
        assertThat(mongo.findById("ir/تهران", Document.class, "cities").blockOptional())
                .isEmpty();
        assertThat(mongo.findById("ir/tehran", Document.class, "cities").blockOptional())
                .isPresent();
        // The index serves the merged event: near me finds it, and it is in the one Tehran feed.
        assertThat(f.discover(f.owner, "near=35.69,51.42&radiusKm=25").stream()
                        .map(e -> e.at("/id").asString()))
                .containsExactly(id);
        assertThat(api().anonymous()
                        .get("/feeds/cities/ir/tehran.json")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains(title);
        // A second start changes nothing.
        assertThat(merge.merge().block()).isZero();
    }
}
