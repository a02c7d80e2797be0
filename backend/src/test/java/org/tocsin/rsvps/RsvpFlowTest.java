package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.rsvps.RsvpFixtures.rsvp;
import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A guest answers, reads, changes and withdraws an RSVP with nothing but its manage token. */
class RsvpFlowTest extends IntegrationTest {

    @Test
    void aGuestAnswersWithoutAnAccountAndManagesItWithTheToken() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(null);
        JsonNode answer = f.answer(
                event, Map.of("name", "Nightingale", "email", "bird@example.org", "response", "GOING", "guests", 2));
        assertThat(answer.get("state").asString()).isEqualTo("GOING");
        String token = answer.get("manageToken").asString();
        assertThat(token).startsWith("tcm_").hasSizeGreaterThan(40);
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(3);

        Api.Caller guest = api().anonymous();
        guest.get("/api/v1/rsvps/" + token)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rsvp.name")
                .isEqualTo("Nightingale")
                .jsonPath("$.rsvp.guests")
                .isEqualTo(2)
                .jsonPath("$.event.id")
                .isEqualTo(event)
                .jsonPath("$.event.place.venue")
                .isEqualTo("Secret courtyard");

        guest.patch("/api/v1/rsvps/" + token, Map.of("guests", 0, "response", "MAYBE"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("MAYBE");
        JsonNode attendance = f.attendance(event);
        assertThat(attendance.get("going").asInt()).isZero();
        assertThat(attendance.get("maybe").asInt()).isEqualTo(1);

        guest.delete("/api/v1/rsvps/" + token).expectStatus().isNoContent();
        expectProblem(guest.get("/api/v1/rsvps/" + token), 404, "/problems/not-found");
        assertThat(f.attendance(event).get("maybe").asInt()).isZero();
        assertThat(f.list(event)).isEmpty();
    }

    @Test
    void unknownTokensAreNotFound() {
        Api.Caller guest = api().anonymous();
        expectProblem(guest.get("/api/v1/rsvps/tcm_nope"), 404, "/problems/not-found");
        expectProblem(guest.get("/api/v1/rsvps/whatever"), 404, "/problems/not-found");
        expectProblem(guest.patch("/api/v1/rsvps/tcm_nope", Map.of("guests", 1)), 404, "/problems/not-found");
        expectProblem(guest.delete("/api/v1/rsvps/tcm_nope"), 404, "/problems/not-found");
    }

    @Test
    void aSignedInPersonHasOneRsvpPerOccurrenceAndAnsweringAgainChangesIt() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(10);
        Api.Caller supporter = api().newUser("Supporter");
        String first = supporter.createdId("/api/v1/events/" + event + "/rsvps", rsvp("Sam", "GOING", 1));
        JsonNode again = supporter
                .post("/api/v1/events/" + event + "/rsvps", rsvp("Sam", "GOING", 3))
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(again.get("id").asString()).isEqualTo(first);
        assertThat(f.list(event)).hasSize(1);
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(4);
        assertThat(f.attendance(event).get("spotsLeft").asInt()).isEqualTo(6);
        // The token answered last is the one that works.
        api().anonymous()
                .get("/api/v1/rsvps/" + again.get("manageToken").asString())
                .expectStatus()
                .isOk();
    }

    @Test
    void anRsvpToASeriesIsForOneOccurrenceNamedByItsLocalStartOrItsUtcStart() {
        RsvpFixtures f = new RsvpFixtures(api());
        Map<String, Object> weekly = f.vigil(5);
        weekly.put("start", "2027-01-07T18:00");
        weekly.put("end", "2027-01-07T19:00");
        weekly.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=10"));
        String event = f.create(weekly);

        JsonNode byLocal = f.answer(event, Map.of("name", "A", "response", "GOING", "occurrence", "2027-01-14T18:00"));
        assertThat(byLocal.get("occurrence").asString()).isEqualTo("2027-01-14T18:00");
        // 2027-01-21 18:00 in Berlin (UTC+1) is 17:00 UTC.
        JsonNode byUtc = f.answer(
                event, Map.of("name", "B", "response", "GOING", "guests", 1, "occurrence", "2027-01-21T17:00:00Z"));
        assertThat(byUtc.get("occurrence").asString()).isEqualTo("2027-01-21T18:00");
        JsonNode next = f.answer(event, Map.of("name", "C", "response", "GOING"));
        assertThat(next.get("occurrence").asString()).isEqualTo("2027-01-07T18:00");

        expectProblem(
                        api().anonymous()
                                .post(
                                        "/api/v1/events/" + event + "/rsvps",
                                        Map.of("name", "D", "response", "GOING", "occurrence", "2027-01-15T18:00")),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("occurrence");

        // Organizers can look at one occurrence's RSVPs.
        JsonNode third = f.owner
                .get("/api/v1/events/" + event + "/rsvps?occurrence=2027-01-21T18:00")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(third).hasSize(1);
        assertThat(third.get(0).get("name").asString()).isEqualTo("B");
        assertThat(f.list(event)).hasSize(3);

        // Discovery shows each occurrence's own attendance.
        JsonNode items = api().anonymous()
                .get("/api/v1/events?organization=" + f.organization + "&from=2027-01-01&to=2027-01-28")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("attendance").get("going").asInt()).isEqualTo(1);
        assertThat(items.get(1).get("attendance").get("going").asInt()).isEqualTo(1);
        assertThat(items.get(2).get("attendance").get("going").asInt()).isEqualTo(2);
        assertThat(items.get(2).get("attendance").get("spotsLeft").asInt()).isEqualTo(3);
    }
}
