package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * GOING places never exceed the capacity, however many answer at once; the rest wait in line, and
 * freed places go to the head of the line.
 */
class RsvpCapacityTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void twoHundredAtOnceForTwentyPlacesFillExactlyTheCapacityAndTheRestWait() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(20);
        // Everyone brings one guest: ten parties of two fill the twenty places exactly.
        List<JsonNode> answers = ConcurrentRsvps.answer(List.of(baseUrl()), csrf(), event, 200, i -> 1);

        assertThat(answers).hasSize(200);
        assertThat(answers.stream().filter(a -> a.get("state").asString().equals("GOING")))
                .hasSize(10);
        assertThat(answers.stream().filter(a -> a.get("state").asString().equals("WAITLISTED")))
                .hasSize(190);
        JsonNode attendance = f.attendance(event);
        assertThat(attendance.get("going").asInt()).isEqualTo(20);
        assertThat(attendance.get("waitlisted").asInt()).isEqualTo(380);
        assertThat(attendance.get("spotsLeft").asInt()).isZero();
        assertThat(f.list(event)).hasSize(200);

        cancelOneAndExpectTheHeadOfTheLinePromoted(f, event, answers);
    }

    @Test
    void partiesOfMixedSizesNeverOverfillAndTheCountMatchesTheRsvps() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(20);
        ConcurrentRsvps.answer(List.of(baseUrl()), csrf(), event, 200, i -> i % 4);
        List<JsonNode> list = entries(f.list(event));
        int goingPlaces = list.stream()
                .filter(e -> e.get("state").asString().equals("GOING"))
                .mapToInt(e -> 1 + e.get("guests").asInt())
                .sum();
        assertThat(goingPlaces).isBetween(17, 20);
        assertThat(list).hasSize(200);
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(goingPlaces);
    }

    @Test
    void raisingTheCapacitySeatsTheLineAndLoweringItDropsNobody() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(2);
        f.answer(event, RsvpFixtures.rsvp("A", "GOING", 1));
        JsonNode waiting = f.answer(event, RsvpFixtures.rsvp("B", "GOING", 0));
        assertThat(waiting.get("state").asString()).isEqualTo("WAITLISTED");

        f.owner
                .patch("/api/v1/events/" + event, Map.of("capacity", 3))
                .expectStatus()
                .isOk();
        // The line moves right after the change is stored, beside the answer to the PATCH.
        awaitState(waiting, "GOING");
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(3);

        f.owner
                .patch("/api/v1/events/" + event, Map.of("capacity", 1))
                .expectStatus()
                .isOk();
        JsonNode attendance = f.attendance(event);
        assertThat(attendance.get("going").asInt()).isEqualTo(3);
        assertThat(attendance.get("spotsLeft").asInt()).isZero();
        assertThat(stateOf(waiting)).isEqualTo("GOING");
        JsonNode late = f.answer(event, RsvpFixtures.rsvp("C", "GOING", 0));
        assertThat(late.get("state").asString()).isEqualTo("WAITLISTED");
    }

    @Test
    void fewerGuestsFreePlacesForTheLineAndMoreGuestsThanFitAreRefused() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(4);
        JsonNode party = f.answer(event, RsvpFixtures.rsvp("Party", "GOING", 3));
        JsonNode waiting = f.answer(event, RsvpFixtures.rsvp("Solo", "GOING", 0));
        assertThat(waiting.get("state").asString()).isEqualTo("WAITLISTED");
        String token = party.get("manageToken").asString();
        api().anonymous()
                .patch("/api/v1/rsvps/" + token, Map.of("guests", 2))
                .expectStatus()
                .isOk();
        assertThat(stateOf(waiting)).isEqualTo("GOING");
        org.tocsin.support.Problems.expectProblem(
                api().anonymous().patch("/api/v1/rsvps/" + token, Map.of("guests", 5)), 409, "/problems/no-room");
        api().anonymous()
                .get("/api/v1/rsvps/" + token)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rsvp.guests")
                .isEqualTo(2);
    }

    /** Withdraws one GOING party; the waitlist's first in line takes the freed places. */
    void cancelOneAndExpectTheHeadOfTheLinePromoted(RsvpFixtures f, String event, List<JsonNode> answers) {
        List<JsonNode> before = entries(f.list(event));
        String head = before.stream()
                .filter(e -> e.hasNonNull("waitlistPosition")
                        && e.get("waitlistPosition").asInt() == 1)
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        String second = before.stream()
                .filter(e -> e.hasNonNull("waitlistPosition")
                        && e.get("waitlistPosition").asInt() == 2)
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        JsonNode going = answers.stream()
                .filter(a -> a.get("state").asString().equals("GOING"))
                .findFirst()
                .orElseThrow();
        api().anonymous()
                .delete("/api/v1/rsvps/" + going.get("manageToken").asString())
                .expectStatus()
                .isNoContent();

        List<JsonNode> after = entries(f.list(event));
        assertThat(after).hasSize(199);
        assertThat(stateIn(after, head)).isEqualTo("GOING");
        assertThat(stateIn(after, second)).isEqualTo("WAITLISTED");
        assertThat(after.stream().filter(e -> e.get("state").asString().equals("GOING")))
                .hasSize(10);
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(20);
        assertThat(f.attendance(event).get("waitlisted").asInt()).isEqualTo(378);
    }

    private void awaitState(JsonNode answer, String state) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(stateOf(answer)).isEqualTo(state));
    }

    private String stateOf(JsonNode answer) {
        return api().anonymous()
                .get("/api/v1/rsvps/" + answer.get("manageToken").asString())
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("rsvp")
                .get("state")
                .asString();
    }

    static String stateIn(List<JsonNode> entries, String id) {
        return entries.stream()
                .filter(e -> e.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow()
                .get("state")
                .asString();
    }

    static List<JsonNode> entries(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
    }

    String csrf() {
        return web.get()
                .uri("/api/v1/auth/csrf")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .asString();
    }
}
