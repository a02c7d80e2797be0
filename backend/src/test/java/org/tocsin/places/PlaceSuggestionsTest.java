package org.tocsin.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The editor's city field asks {@code GET /api/v1/places} as an organizer types, without signing in. */
class PlaceSuggestionsTest extends IntegrationTest {

    @Test
    void theLargestCityBeginningWithWhatWasTypedComesFirst() {
        JsonNode tehran = suggest("teh").get(0);
        assertThat(tehran.get("key").asString()).isEqualTo("ir/tehran");
        assertThat(tehran.get("name").asString()).isEqualTo("Tehran");
        assertThat(tehran.get("names").get("fa").asString()).isEqualTo("تهران");
        assertThat(tehran.get("country").asString()).isEqualTo("IR");
        assertThat(tehran.get("zone").asString()).isEqualTo("Asia/Tehran");
        assertThat(tehran.get("lat").asDouble()).isBetween(35.6, 35.8);
        assertThat(tehran.get("lon").asDouble()).isBetween(51.3, 51.5);
        // Two cities sharing a beginning: the larger first.
        assertThat(keys(suggest("frankfurt"))).startsWith("de/frankfurt-am-main", "de/frankfurt-oder");
    }

    @Test
    void anyScriptCaseOrAccentFindsTheCity() {
        for (String typed : List.of("تهر", "طهر", "TEH", "Téh", "Тегер")) {
            assertThat(keys(suggest(typed))).as(typed).first().isEqualTo("ir/tehran");
        }
        assertThat(keys(suggest("bielef"))).first().isEqualTo("de/bielefeld");
        // A city's later words are typed as they come: "new y" goes on to New York.
        assertThat(keys(suggest("new y"))).contains("us/new-york-city");
        assertThat(suggest("qqqqzzz")).isEmpty();
    }

    @Test
    void theLimitIsBounded() {
        assertThat(suggest("s")).hasSize(PlaceSuggestionsController.DEFAULT_LIMIT);
        assertThat(api().anonymous()
                        .get("/api/v1/places?q=s&limit=10")
                        .expectStatus()
                        .isOk()
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getResponseBody())
                .hasSize(10);
        for (String limit : List.of("0", "11", "1000")) {
            expectProblem(api().anonymous().get("/api/v1/places?q=s&limit=" + limit), 400, "/problems/validation")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("limit");
        }
    }

    @Test
    void anEmptyOrOverlongQueryIsABadRequest() {
        for (String query : List.of("", "?q=", "?q=  ", "?q=--", "?q=" + "a".repeat(65))) {
            expectProblem(api().anonymous().get("/api/v1/places" + query), 400, "/problems/validation")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("q");
        }
        assertThat(api().anonymous()
                        .get("/api/v1/places?q=" + "a".repeat(64))
                        .expectStatus()
                        .isOk()
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getResponseBody())
                .isEmpty();
    }

    private JsonNode suggest(String typed) {
        return api().anonymous()
                .get("/api/v1/places?q=" + typed)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<String> keys(JsonNode suggestions) {
        return suggestions.valueStream().map(s -> s.get("key").asString()).toList();
    }
}
