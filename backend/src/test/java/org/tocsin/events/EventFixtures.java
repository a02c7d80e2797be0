package org.tocsin.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.support.Api;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/** An organization with an organizer, and event bodies to post to it. */
final class EventFixtures extends OrganizationFixtures {

    EventFixtures(Api api) {
        super(api);
    }

    /** A one-hour vigil in Berlin's centre; callers override what their test is about. */
    Map<String, Object> vigil(String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", organization);
        body.put("title", "Vigil for the prisoners");
        body.put("kind", "VIGIL");
        body.put("start", start);
        body.put("end", end);
        body.put("timeZone", "Europe/Berlin");
        body.put(
                "place",
                new HashMap<>(Map.of(
                        "venue",
                        "Brandenburger Tor",
                        "address",
                        "Pariser Platz",
                        "city",
                        "Berlin",
                        "countryCode",
                        "DE",
                        "lat",
                        52.5163,
                        "lon",
                        13.3777)));
        return body;
    }

    JsonNode create(Map<String, Object> body) {
        return owner.post("/api/v1/events", body)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** All pages of a discovery query, following nextCursor. */
    List<JsonNode> discoverAll(Api.Caller caller, String query, int pageSize) {
        List<JsonNode> items = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = caller.get("/api/v1/events?" + query + "&limit=" + pageSize
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            page.get("items").forEach(items::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null && ++pages < 100);
        return items;
    }

    List<JsonNode> discover(Api.Caller caller, String query) {
        String from = query.contains("from=") ? "" : "&from=2026-12-01";
        return discoverAll(caller, "organization=" + organization + from + "&" + query, 200);
    }
}
