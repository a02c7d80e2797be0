package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.rsvps.RsvpFixtures.rsvp;
import static org.tocsin.support.Problems.expectProblem;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Bad answers get a 4xx problem naming the field, and nothing is stored. */
class RsvpValidationTest extends IntegrationTest {

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(10);
        Api.Caller guest = api().anonymous();
        String uri = "/api/v1/events/" + event + "/rsvps";

        expectField(guest.post(uri, rsvp("  ", "GOING", 0)), "name");
        expectField(guest.post(uri, rsvp("x".repeat(81), "GOING", 0)), "name");
        expectField(guest.post(uri, rsvp("Ana", "PERHAPS", 0)), "response");
        expectField(guest.post(uri, rsvp("Ana\nBcc: x@example.org", "GOING", 0)), "name");
        expectField(guest.post(uri, rsvp("Ana", "GOING", -1)), "guests");
        expectField(guest.post(uri, rsvp("Ana", "GOING", 11)), "guests");
        expectField(guest.post(uri, rsvp("Ana", "GOING", 1_000_000)), "guests");
        expectField(guest.post(uri, Map.of("name", "Ana")), "response");
        Map<String, Object> badEmail = new HashMap<>(rsvp("Ana", "GOING", 0));
        badEmail.put("email", "not-an-email");
        expectField(guest.post(uri, badEmail), "email");
        Map<String, Object> unknown = new HashMap<>(rsvp("Ana", "GOING", 0));
        unknown.put("state", "GOING");
        expectField(guest.post(uri, unknown), "state");
        expectField(guest.post(uri, "{\"name\": \"Ana\", \"response\": \"GOING\", \"guests\": \"many\"}"), "guests");
        expectProblem(guest.post(uri, "{not json"), 400, "/problems/malformed-request");
        expectProblem(guest.post("/api/v1/events/nope/rsvps", rsvp("Ana", "GOING", 0)), 404, "/problems/not-found");

        assertThat(f.list(event)).isEmpty();
        JsonNode attendance = f.attendance(event);
        assertThat(attendance.get("going").asInt()).isZero();
        assertThat(attendance.get("waitlisted").asInt()).isZero();
        assertThat(attendance.get("spotsLeft").asInt()).isEqualTo(10);
    }

    @Test
    void closedEndedAndCancelledEventsTakeNoRsvps() {
        RsvpFixtures f = new RsvpFixtures(api());
        Api.Caller guest = api().anonymous();

        Map<String, Object> closed = f.vigil(null);
        closed.put("rsvpMode", "CLOSED");
        String closedId = f.create(closed);
        expectProblem(
                guest.post("/api/v1/events/" + closedId + "/rsvps", rsvp("Ana", "GOING", 0)),
                409,
                "/problems/rsvps-closed");

        Map<String, Object> past = f.vigil(null);
        past.put("start", "2024-03-01T18:00");
        past.put("end", "2024-03-01T19:00");
        String pastId = f.create(past);
        expectProblem(
                guest.post("/api/v1/events/" + pastId + "/rsvps", rsvp("Ana", "GOING", 0)),
                409,
                "/problems/event-ended");

        String cancelled = f.event(null);
        JsonNode before = f.answer(cancelled, rsvp("Early", "GOING", 0));
        f.owner
                .post("/api/v1/events/" + cancelled + "/cancel", Map.of())
                .expectStatus()
                .isOk();
        expectProblem(
                guest.post("/api/v1/events/" + cancelled + "/rsvps", rsvp("Ana", "GOING", 0)),
                409,
                "/problems/event-cancelled");
        expectProblem(
                guest.patch("/api/v1/rsvps/" + before.get("manageToken").asString(), Map.of("guests", 2)),
                409,
                "/problems/event-cancelled");
        // Withdrawing always works: it only deletes data.
        guest.delete("/api/v1/rsvps/" + before.get("manageToken").asString())
                .expectStatus()
                .isNoContent();

        assertThat(f.list(closedId)).isEmpty();
        assertThat(f.list(pastId)).isEmpty();
        assertThat(f.list(cancelled)).isEmpty();
    }

    @Test
    void aBadChangeLeavesTheRsvpAsItWas() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(10);
        String token =
                f.answer(event, rsvp("Ana", "GOING", 1)).get("manageToken").asString();
        Api.Caller guest = api().anonymous();
        expectField(guest.patch("/api/v1/rsvps/" + token, Map.of("guests", 99)), "guests");
        expectField(guest.patch("/api/v1/rsvps/" + token, Map.of("name", " ")), "name");
        expectField(guest.patch("/api/v1/rsvps/" + token, Map.of("response", "SURE")), "response");
        guest.get("/api/v1/rsvps/" + token)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rsvp.name")
                .isEqualTo("Ana")
                .jsonPath("$.rsvp.guests")
                .isEqualTo(1);
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(2);
    }

    private static void expectField(
            org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, String field) {
        expectProblem(response, 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }
}
