package org.tocsin.calendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.tocsin.support.Problems.expectProblem;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

class CalendarFeedTest extends IntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    private Api.Caller owner;
    private String org;

    private OrganizationFixtures group;

    @BeforeEach
    void anOrganizationWithAPublicAndAPrivateEvent() {
        group = new OrganizationFixtures(api(), "Calendar group");
        owner = group.owner;
        org = group.organization;
        for (String visibility : new String[] {"PUBLIC", "PRIVATE"}) {
            Map<String, Object> body = new HashMap<>(Map.of(
                    "organization",
                    org,
                    "title",
                    visibility + " meeting",
                    "kind",
                    "MEETING",
                    "start",
                    "2027-09-01T18:00",
                    "end",
                    "2027-09-01T19:00",
                    "timeZone",
                    "Europe/Paris",
                    "visibility",
                    visibility,
                    "place",
                    Map.of("city", "Lyon", "countryCode", "FR")));
            owner.post("/api/v1/events", body).expectStatus().isCreated();
        }
    }

    private String tokenPath(Api.Caller member) {
        String url = member.post("/api/v1/organizations/" + org + "/feed-token", null)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("url")
                .asString();
        return URI.create(url).getPath();
    }

    @Test
    void aMembersFeedHoldsPrivateEventsAndIsNeverPublic() {
        Api.Caller member = group.memberWithRole("MEMBER");
        String path = tokenPath(member);
        assertThat(path).startsWith("/feeds/private/tcf_").endsWith(".ics");
        String feed = web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("private"))
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(feed).contains("SUMMARY:PRIVATE meeting", "SUMMARY:PUBLIC meeting");
        String publicFeed = web.get()
                .uri("/feeds/organizations/" + org + ".ics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(publicFeed).contains("PUBLIC meeting").doesNotContain("PRIVATE meeting");
        // The directory of public calendars never lists a private feed.
        String directory = web.get()
                .uri("/api/v1/calendars")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(directory)
                .contains("/feeds/organizations/" + org + ".ics", "webcal://")
                .doesNotContain("/feeds/private/");
    }

    /**
     * Issue 10 #8: the token was checked against "is a member now", so a member removed (say, suspected
     * of passing names on) and later let back in found the old address working again, and so did whoever
     * they had given it to. It is bound to the membership it was made in.
     */
    @Test
    void aRemovedMembersFeedStaysDeadWhenTheyAreLetBackIn() {
        Api.Caller member = group.memberWithRole("MEMBER");
        String old = tokenPath(member);
        owner.delete("/api/v1/organizations/" + org + "/members/" + member.userId())
                .expectStatus()
                .isNoContent();
        expectProblem(web.get().uri(old).exchange(), 404, "/problems/not-found");

        group.joins(member, "MEMBER");
        expectProblem(web.get().uri(old).exchange(), 404, "/problems/not-found");
        // A token made in the new membership works.
        web.get().uri(tokenPath(member)).exchange().expectStatus().isOk();
    }

    /** Tokens stored before the binding (no membershipId) are held to the membership current when made. */
    @Test
    void aTokenFromBeforeTheBindingWorksInItsMembershipAndNotAfterReadding() {
        Api.Caller member = group.memberWithRole("MEMBER");
        String old = tokenPath(member);
        mongo.updateMulti(
                        Query.query(where("userId").is(member.userId())),
                        new Update().unset("membershipId"),
                        "feed_tokens")
                .block();
        web.get().uri(old).exchange().expectStatus().isOk();
        owner.delete("/api/v1/organizations/" + org + "/members/" + member.userId())
                .expectStatus()
                .isNoContent();
        group.joins(member, "MEMBER");
        expectProblem(web.get().uri(old).exchange(), 404, "/problems/not-found");
    }

    @Test
    void rotatingRevokingOrLeavingClosesThePrivateFeed() {
        Api.Caller member = group.memberWithRole("ORGANIZER");
        String first = tokenPath(member);
        String second = tokenPath(member);
        expectProblem(web.get().uri(first).exchange(), 404, "/problems/not-found");
        web.get().uri(second).exchange().expectStatus().isOk();

        owner.delete("/api/v1/organizations/" + org + "/members/" + member.userId())
                .expectStatus()
                .isNoContent();
        expectProblem(web.get().uri(second).exchange(), 404, "/problems/not-found");

        String ownerPath = tokenPath(owner);
        owner.delete("/api/v1/organizations/" + org + "/feed-token")
                .expectStatus()
                .isNoContent();
        expectProblem(web.get().uri(ownerPath).exchange(), 404, "/problems/not-found");
        expectProblem(web.get().uri("/feeds/private/tcf_guessed.ics").exchange(), 404, "/problems/not-found");
    }

    @Test
    void strangersGetNoToken() {
        Api.Caller stranger = api().newUser("Stranger");
        expectProblem(stranger.post("/api/v1/organizations/" + org + "/feed-token", null), 403, "/problems/forbidden");
    }

    @Test
    void aSavedFilterIsACalendarWithItsOwnFeed() {
        Api.Caller user = api().newUser("Curator");
        String slug = "lyon-meetings-" + System.nanoTime();
        user.post(
                        "/api/v1/calendars",
                        Map.of(
                                "name",
                                "Meetings in Lyon",
                                "slug",
                                slug,
                                "filter",
                                Map.of("city", "lyon", "country", "fr", "kind", "MEETING", "organization", org)))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.webcal")
                .value(v ->
                        assertThat((String) v).startsWith("webcal://").endsWith("/feeds/calendars/" + slug + ".ics"));
        String feed = web.get()
                .uri("/feeds/calendars/" + slug + ".ics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(feed)
                .contains("X-WR-CALNAME:Meetings in Lyon", "PUBLIC meeting")
                .doesNotContain("PRIVATE meeting");
        expectProblem(
                        user.post(
                                "/api/v1/calendars",
                                Map.of("name", "Bad", "slug", slug + "-x", "filter", Map.of("kind", "PICNIC"))),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("filter.kind");
        expectProblem(
                user.post("/api/v1/calendars", Map.of("name", "Dup", "slug", slug, "filter", Map.of())),
                409,
                "/problems/slug-taken");
    }

    /** A PUBLIC meeting of the group in Lyon, with these accessibility features and languages. */
    private void meeting(String title, List<String> features, List<String> languages) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "organization",
                org,
                "title",
                title,
                "kind",
                "MEETING",
                "start",
                "2027-09-02T18:00",
                "end",
                "2027-09-02T19:00",
                "timeZone",
                "Europe/Paris",
                "languages",
                languages,
                "place",
                Map.of("city", "Lyon", "countryCode", "FR")));
        if (!features.isEmpty()) {
            body.put("accessibility", Map.of("features", features));
        }
        owner.post("/api/v1/events", body).expectStatus().isCreated();
    }

    @Test
    void aSavedCalendarKeepsTheAccessibilityAndLanguageFiltersDiscoveryTakes() {
        meeting("Step-free Persian meeting", List.of("STEP_FREE_ACCESS", "SEATING"), List.of("fa"));
        meeting("Step-free German meeting", List.of("STEP_FREE_ACCESS"), List.of("de"));
        meeting("Stairs Persian meeting", List.of(), List.of("fa-IR"));
        Api.Caller user = api().newUser("Curator");
        String slug = "step-free-fa-" + System.nanoTime();
        user.post(
                        "/api/v1/calendars",
                        Map.of(
                                "name",
                                "Step-free meetings in Persian",
                                "slug",
                                slug,
                                "filter",
                                Map.of("organization", org, "accessibility", "step_free_access", "language", "fa")))
                .expectStatus()
                .isCreated();
        String feed = web.get()
                .uri("/feeds/calendars/" + slug + ".ics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(feed)
                .contains("Step-free Persian meeting")
                .doesNotContain("Step-free German meeting", "Stairs Persian meeting", "PUBLIC meeting");
        // Checked as discovery checks them, before anything is saved.
        expectProblem(
                        user.post(
                                "/api/v1/calendars",
                                Map.of(
                                        "name",
                                        "Bad",
                                        "slug",
                                        slug + "-x",
                                        "filter",
                                        Map.of("accessibility", "STAIRS"))),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("filter.accessibility");
        expectProblem(
                        user.post(
                                "/api/v1/calendars",
                                Map.of("name", "Bad", "slug", slug + "-y", "filter", Map.of("language", "not a tag"))),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("filter.language");
        web.get()
                .uri("/feeds/calendars/" + slug + "-x.ics")
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
