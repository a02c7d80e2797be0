package org.tocsin.rsvps;

import java.util.HashMap;
import java.util.Map;
import org.tocsin.support.Api;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/** An organization with an organizer, events to RSVP to, and RSVP helpers. */
final class RsvpFixtures extends OrganizationFixtures {

    RsvpFixtures(Api api) {
        super(api);
    }

    /** A one-hour vigil next year, whose exact place is for attendees only. */
    Map<String, Object> vigil(Integer capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", organization);
        body.put("title", "Vigil for the prisoners");
        body.put("kind", "VIGIL");
        body.put("start", "2027-05-06T18:00");
        body.put("end", "2027-05-06T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("locationVisibility", "ATTENDEES");
        body.put(
                "place",
                new HashMap<>(Map.of(
                        "venue",
                        "Secret courtyard",
                        "address",
                        "Hidden Street 7",
                        "city",
                        "Berlin",
                        "countryCode",
                        "DE",
                        "lat",
                        52.5163,
                        "lon",
                        13.3777)));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return body;
    }

    String create(Map<String, Object> body) {
        return owner.createdId("/api/v1/events", body);
    }

    String event(Integer capacity) {
        return create(vigil(capacity));
    }

    static Map<String, Object> rsvp(String name, String response, int guests) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("response", response);
        body.put("guests", guests);
        return body;
    }

    /** Answers as an anonymous guest; the answer (id, state, manageToken). */
    JsonNode answer(String eventId, Map<String, Object> body) {
        return api.anonymous()
                .post("/api/v1/events/" + eventId + "/rsvps", body)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    JsonNode attendance(String eventId) {
        return api.anonymous()
                .get("/api/v1/events/" + eventId)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("attendance");
    }

    JsonNode list(String eventId) {
        return owner.get("/api/v1/events/" + eventId + "/rsvps")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
