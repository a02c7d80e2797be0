package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class EventAccessTest extends IntegrationTest {

    @Test
    void onlyOrganizersAndAboveCreateEditAndCancel() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> body = f.vigil("2027-04-01T18:00", "2027-04-01T19:00");
        Api.Caller stranger = api().newUser("Stranger");
        Api.Caller member = f.memberWithRole("MEMBER");
        Api.Caller organizer = f.memberWithRole("ORGANIZER");
        expectProblem(stranger.post("/api/v1/events", body), 403, "/problems/forbidden");
        expectProblem(member.post("/api/v1/events", body), 403, "/problems/forbidden");
        expectProblem(api().anonymous().post("/api/v1/events", body), 401, "/problems/unauthenticated");
        String id = organizer.createdId("/api/v1/events", body);

        expectProblem(stranger.patch("/api/v1/events/" + id, Map.of("title", "Defaced")), 403, "/problems/forbidden");
        expectProblem(member.post("/api/v1/events/" + id + "/cancel", Map.of()), 403, "/problems/forbidden");
        organizer
                .patch("/api/v1/events/" + id, Map.of("title", "Vigil, renamed"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Vigil, renamed");
        organizer
                .post("/api/v1/events/" + id + "/cancel", Map.of("reason", "Storm warning"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.statusReason")
                .isEqualTo("Storm warning");
        web.get()
                .uri("/api/v1/events/" + id)
                .exchange()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Vigil, renamed");
    }

    @Test
    void onlyAdminsAndOwnersDelete() {
        EventFixtures f = new EventFixtures(api());
        String id = f.create(f.vigil("2027-04-02T18:00", "2027-04-02T19:00"))
                .get("id")
                .asString();
        Api.Caller organizer = f.memberWithRole("ORGANIZER");
        expectProblem(organizer.delete("/api/v1/events/" + id), 403, "/problems/forbidden");
        Api.Caller admin = f.memberWithRole("ADMIN");
        admin.delete("/api/v1/events/" + id).expectStatus().isNoContent();
        expectProblem(web.get().uri("/api/v1/events/" + id).exchange(), 404, "/problems/not-found");
        assertThat(f.discover(f.owner, "")).isEmpty();
    }

    @Test
    void privateEventsAreInvisibleToEveryoneButMembers() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> body = f.vigil("2027-04-03T18:00", "2027-04-03T19:00");
        body.put("visibility", "PRIVATE");
        String id = f.create(body).get("id").asString();
        Api.Caller member = f.memberWithRole("MEMBER");
        Api.Caller stranger = api().newUser("Stranger");

        expectProblem(stranger.get("/api/v1/events/" + id), 404, "/problems/not-found");
        expectProblem(web.get().uri("/api/v1/events/" + id).exchange(), 404, "/problems/not-found");
        member.get("/api/v1/events/" + id).expectStatus().isOk();
        assertThat(f.discover(stranger, "")).isEmpty();
        assertThat(f.discover(api().anonymous(), "")).isEmpty();
        assertThat(f.discover(member, "")).hasSize(1);
        // A stranger cannot even cancel it: it does not exist for him.
        expectProblem(stranger.post("/api/v1/events/" + id + "/cancel", Map.of()), 404, "/problems/not-found");
    }

    @Test
    void unlistedEventsAreReachableByIdButNotListed() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> body = f.vigil("2027-04-04T18:00", "2027-04-04T19:00");
        body.put("visibility", "UNLISTED");
        String id = f.create(body).get("id").asString();
        web.get().uri("/api/v1/events/" + id).exchange().expectStatus().isOk();
        assertThat(f.discover(api().anonymous(), "")).isEmpty();
    }

    @Test
    void aHiddenLocationShowsOnlyTheCityAndCoarseCoordinates() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> body = f.vigil("2027-04-05T18:00", "2027-04-05T19:00");
        body.put("locationVisibility", "ATTENDEES");
        body.put("online", Map.of("url", "https://meet.example.org/secret-room", "platform", "Jitsi"));
        String id = f.create(body).get("id").asString();

        String publicJson = web.get()
                .uri("/api/v1/events/" + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(publicJson)
                .contains("\"city\":\"Berlin\"", "\"locationHidden\":true", "\"lat\":52.5")
                .doesNotContain("Brandenburger", "Pariser", "52.5163", "13.3777", "secret-room");
        String listed = api().anonymous()
                .get("/api/v1/events?organization=" + f.organization + "&from=2026-12-01")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(listed).contains("Berlin").doesNotContain("Brandenburger", "Pariser", "52.5163", "secret-room");

        f.owner
                .get("/api/v1/events/" + id)
                .expectBody()
                .jsonPath("$.place.venue")
                .isEqualTo("Brandenburger Tor")
                .jsonPath("$.place.lat")
                .isEqualTo(52.5163)
                .jsonPath("$.online.url")
                .isEqualTo("https://meet.example.org/secret-room");
    }

    @Test
    void sequenceRisesOnlyForChangesAttendeesActOn() {
        EventFixtures f = new EventFixtures(api());
        String id = f.create(f.vigil("2027-04-06T18:00", "2027-04-06T19:00"))
                .get("id")
                .asString();
        f.owner
                .patch("/api/v1/events/" + id, Map.of("title", "New title"))
                .expectBody()
                .jsonPath("$.sequence")
                .isEqualTo(0);
        f.owner
                .patch("/api/v1/events/" + id, Map.of("start", "2027-04-06T18:30", "end", "2027-04-06T19:30"))
                .expectBody()
                .jsonPath("$.sequence")
                .isEqualTo(1)
                .jsonPath("$.startUtc")
                .isEqualTo("2027-04-06T16:30:00Z");
        f.owner
                .patch("/api/v1/events/" + id, Map.of("place", Map.of("venue", "Rotes Rathaus")))
                .expectBody()
                .jsonPath("$.sequence")
                .isEqualTo(2)
                .jsonPath("$.place.city")
                .isEqualTo("Berlin");
        f.owner
                .post("/api/v1/events/" + id + "/cancel", Map.of())
                .expectBody()
                .jsonPath("$.sequence")
                .isEqualTo(3);
    }

    @Test
    void descriptionsAreMarkdownWithNoScriptSurviving() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> body = f.vigil("2027-04-07T18:00", "2027-04-07T19:00");
        body.put(
                "description",
                "**Bring candles.** [info](https://example.org/info) [link](javascript:alert(2)) "
                        + "<img src=x onerror=alert(3)>\n\n<script>alert(1)</script>");
        JsonNode event = f.create(body);
        String html = event.get("descriptionHtml").asString();
        assertThat(html)
                .contains("<strong>Bring candles.</strong>", "href=\"https://example.org/info\"")
                // What survives of the attacks is escaped text: no element, no attribute, no script URL.
                .doesNotContain("<script", "javascript:", "onerror=", "<img");
    }
}
