package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tocsin.rsvps.RsvpFixtures.rsvp;
import static org.tocsin.support.Problems.expectProblem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Who RSVPed is for the event's organizers only; a hidden location for confirmed attendees only. */
class RsvpPrivacyTest extends IntegrationTest {

    @Test
    void onlyOrganizersOfTheEventsOrganizationSeeAndManageItsRsvps() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(null);
        String id = f.answer(event, rsvp("Ana", "GOING", 0)).get("id").asString();
        Api.Caller stranger = api().newUser("Stranger");
        Api.Caller member = f.memberWithRole("MEMBER");
        Api.Caller organizer = f.memberWithRole("ORGANIZER");
        String list = "/api/v1/events/" + event + "/rsvps";

        expectProblem(api().anonymous().get(list), 401, "/problems/unauthenticated");
        expectProblem(stranger.get(list), 404, "/problems/not-found");
        expectProblem(stranger.get(list + ".csv"), 404, "/problems/not-found");
        expectProblem(stranger.post(list + "/" + id + "/approve", Map.of()), 404, "/problems/not-found");
        expectProblem(stranger.delete(list + "/" + id), 404, "/problems/not-found");
        expectProblem(member.get(list), 403, "/problems/forbidden");
        expectProblem(member.delete(list + "/" + id), 403, "/problems/forbidden");
        organizer
                .get(list)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].name")
                .isEqualTo("Ana");

        // Another organization's organizer is a stranger to this event's RSVPs.
        RsvpFixtures other = new RsvpFixtures(api());
        expectProblem(other.owner.get(list), 404, "/problems/not-found");
        expectProblem(other.owner.delete(list + "/" + id), 404, "/problems/not-found");
        // And an RSVP id of another event is not found under this one.
        String otherEvent = other.event(null);
        expectProblem(other.owner.delete("/api/v1/events/" + otherEvent + "/rsvps/" + id), 404, "/problems/not-found");

        organizer.delete(list + "/" + id).expectStatus().isNoContent();
        assertThat(f.list(event)).isEmpty();
    }

    @Test
    void aPrivateEventTakesRsvpsFromMembersOnlyAndADeletedEventTakesItsRsvpsAlong() throws InterruptedException {
        RsvpFixtures f = new RsvpFixtures(api());
        Map<String, Object> body = f.vigil(null);
        body.put("visibility", "PRIVATE");
        String event = f.create(body);
        expectProblem(
                api().anonymous().post("/api/v1/events/" + event + "/rsvps", rsvp("Outsider", "GOING", 0)),
                404,
                "/problems/not-found");
        expectProblem(
                api().newUser("Stranger").post("/api/v1/events/" + event + "/rsvps", rsvp("Stranger", "GOING", 0)),
                404,
                "/problems/not-found");
        Api.Caller member = f.memberWithRole("MEMBER");
        String token = member.post("/api/v1/events/" + event + "/rsvps", rsvp("Member", "GOING", 0))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("manageToken")
                .asString();

        f.owner.delete("/api/v1/events/" + event).expectStatus().isNoContent();
        // The deletion reaches the RSVPs right after it is stored.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api().anonymous()
                                .get("/api/v1/rsvps/" + token)
                                .returnResult(String.class)
                                .getStatus()
                                .value()
                        == 404);
        expectProblem(api().anonymous().get("/api/v1/rsvps/" + token), 404, "/problems/not-found");
    }

    @Test
    void theCsvExportIsUtf8WithABomAndDefusesFormulas() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(null);
        f.answer(event, rsvp("=HYPERLINK(\"http://evil\",\"x\")", "GOING", 0));
        f.answer(event, rsvp("+1, \"quoted\"", "MAYBE", 0));
        f.answer(event, rsvp("Żaneta Ünal", "NOT_GOING", 0));
        byte[] body = f.owner
                .get("/api/v1/events/" + event + "/rsvps.csv")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectHeader()
                .valueMatches("Cache-Control", ".*no-store.*")
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(body, StandardCharsets.UTF_8);
        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines.getFirst()).startsWith("occurrence,occurrence_start_utc,name,email");
        assertThat(lines).hasSize(4);
        assertThat(csv)
                .contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",")
                .contains(",\"'+1, \"\"quoted\"\"\",")
                .contains(",Żaneta Ünal,");
        assertThat(lines.stream().skip(1)).noneMatch(l -> l.matches(".*,[=+@-].*") && !l.contains(",-,"));
    }

    @Test
    void aHiddenLocationShowsThroughTheTokenOnlyWhileGoing() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(1);
        String going =
                f.answer(event, rsvp("In", "GOING", 0)).get("manageToken").asString();
        String waiting =
                f.answer(event, rsvp("Next", "GOING", 0)).get("manageToken").asString();
        String maybe =
                f.answer(event, rsvp("Perhaps", "MAYBE", 0)).get("manageToken").asString();
        assertThat(venueThrough(going)).isEqualTo("Secret courtyard");
        assertThat(venueThrough(waiting)).isNull();
        assertThat(venueThrough(maybe)).isNull();
        assertThat(api().anonymous()
                        .get("/api/v1/events/" + event)
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .doesNotContain("Secret courtyard");

        Map<String, Object> approval = f.vigil(null);
        approval.put("rsvpMode", "APPROVAL");
        String approvalEvent = f.create(approval);
        JsonNode pending = f.answer(approvalEvent, rsvp("Asks", "GOING", 0));
        assertThat(pending.get("state").asString()).isEqualTo("PENDING");
        String pendingToken = pending.get("manageToken").asString();
        assertThat(venueThrough(pendingToken)).isNull();
        f.owner
                .post(
                        "/api/v1/events/" + approvalEvent + "/rsvps/"
                                + pending.get("id").asString() + "/approve",
                        Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("GOING");
        assertThat(venueThrough(pendingToken)).isEqualTo("Secret courtyard");
    }

    @Test
    void approvalModeSeatsOnlyApprovedPeopleAndADeclineFreesTheirPlace() {
        RsvpFixtures f = new RsvpFixtures(api());
        Map<String, Object> body = f.vigil(1);
        body.put("rsvpMode", "APPROVAL");
        String event = f.create(body);
        JsonNode first = f.answer(event, rsvp("First", "GOING", 0));
        JsonNode second = f.answer(event, rsvp("Second", "GOING", 0));
        assertThat(f.attendance(event).get("going").asInt()).isZero();
        String base = "/api/v1/events/" + event + "/rsvps/";
        f.owner
                .post(base + first.get("id").asString() + "/approve", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("GOING");
        f.owner
                .post(base + second.get("id").asString() + "/approve", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("WAITLISTED");
        f.owner
                .post(base + first.get("id").asString() + "/decline", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("DECLINED");
        api().anonymous()
                .get("/api/v1/rsvps/" + second.get("manageToken").asString())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rsvp.state")
                .isEqualTo("GOING");
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(1);
    }

    @Test
    void noPublicAnswerOrFeedNamesAnAttendee() {
        RsvpFixtures f = new RsvpFixtures(api());
        Map<String, Object> body = f.vigil(50);
        body.put("locationVisibility", "PUBLIC");
        body.put("title", "Public vigil " + System.nanoTime());
        String event = f.create(body);
        String name = "Quillon Varga-" + System.nanoTime();
        String email = "quillon." + System.nanoTime() + "@example.org";
        JsonNode answer = api().anonymous()
                .post(
                        "/api/v1/events/" + event + "/rsvps",
                        Map.of("name", name, "email", email, "response", "GOING", "guests", 1))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(answer.toString()).doesNotContain(email);
        String id = answer.get("id").asString();
        String token = answer.get("manageToken").asString();

        Api.Caller anyone = api().anonymous();
        for (String path : List.of(
                "/api/v1/events/" + event,
                "/api/v1/events?organization=" + f.organization,
                "/feeds/organizations/" + f.organization + ".ics",
                "/feeds/organizations/" + f.organization + ".json",
                "/feeds/organizations/" + f.organization + ".atom",
                "/feeds/cities/de/berlin.ics",
                "/feeds/events.json?organization=" + f.organization,
                "/events/" + event + ".ics")) {
            String text = anyone.get(path)
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(text)
                    .as(path)
                    .contains(body.get("title").toString())
                    .doesNotContain(name)
                    .doesNotContain(email)
                    .doesNotContain(token)
                    .doesNotContain(id);
        }
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(2);
    }

    private String venueThrough(String token) {
        JsonNode place = api().anonymous()
                .get("/api/v1/rsvps/" + token)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("event")
                .get("place");
        return place.hasNonNull("venue") ? place.get("venue").asString() : null;
    }
}
