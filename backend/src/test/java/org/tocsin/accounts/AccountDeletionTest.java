package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.tocsin.support.Problems.expectProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.tocsin.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Deleting one's own account as the person, the organizers of the actions they answered, and a copy of
 * the database see it: the preview says what will happen, an organization they alone own blocks it, and
 * afterwards nothing stored holds their id or address while every count stays as it was.
 */
class AccountDeletionTest extends AccountMailContext {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void deletionRemovesThePersonsDataAndKeepsCounts() {
        String ownerEmail = "host-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller owner = api().newUser("Host", ownerEmail);
        verifyByMail(api(), ownerEmail);
        String group = slug(owner.post("/api/v1/organizations", Map.of("name", "Vigils " + UUID.randomUUID())));
        String ahead = event(owner, group);
        String ended = event(owner, group);

        String email = "noa-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller noa = api().newUser("Noa", email);
        verifyByMail(api(), email);
        accept(noa, invitation(owner, group, "MEMBER"));
        String own = slug(noa.post("/api/v1/organizations", Map.of("name", "Noa's circle " + UUID.randomUUID())));
        noa.post("/api/v1/events/" + ahead + "/rsvps", Map.of("name", "Noa", "response", "GOING", "guests", 1))
                .expectStatus()
                .isCreated();
        noa.post("/api/v1/events/" + ended + "/rsvps", Map.of("name", "Noa", "response", "GOING", "guests", 0))
                .expectStatus()
                .isCreated();
        // As if the second action had taken place already.
        mongo.updateFirst(
                        Query.query(
                                where("userId").is(noa.userId()).and("eventId").is(ended)),
                        new Update()
                                .set("occurrenceStartUtc", Instant.now().minus(Duration.ofDays(2)))
                                .set("occurrenceEndUtc", Instant.now().minus(Duration.ofDays(1))),
                        "rsvps")
                .block(Duration.ofSeconds(10));
        String token = body(noa.post("/api/v1/me/tokens", Map.of("name", "script")))
                .get("token")
                .asString();
        String feed =
                body(noa.post("/api/v1/me/calendar-feed", Map.of())).get("url").asString();
        JsonNode aheadBefore = attendance(ahead);
        JsonNode endedBefore = attendance(ended);

        // The preview: two memberships, the circle only Noa owns blocks, two RSVPs (one ahead, one past), a token.
        JsonNode preview = body(noa.get("/api/v1/me/deletion"));
        assertThat(preview.get("allowed").asBoolean()).isFalse();
        assertThat(preview.get("blockers").findValuesAsString("slug")).containsExactly(own);
        assertThat(preview.at("/parts/memberships/count").asLong()).isEqualTo(2);
        assertThat(preview.at("/parts/rsvps/count").asLong()).isEqualTo(2);
        assertThat(preview.at("/parts/rsvps/details/0/upcoming").asLong()).isEqualTo(1);
        assertThat(preview.at("/parts/rsvps/details/0/past").asLong()).isEqualTo(1);
        assertThat(preview.get("apiTokens").asLong()).isEqualTo(1);
        assertThat(preview.get("secondFactorRequired").asBoolean()).isFalse();

        expectProblem(delete(noa, "not the password"), 400, "/problems/validation");
        expectProblem(delete(noa, Api.PASSWORD), 409, "/problems/last-owner");
        noa.get("/api/v1/me").expectStatus().isOk();

        // Handed on: the host joins the circle as OWNER; now Noa may go.
        accept(owner, invitation(noa, own, "OWNER"));
        assertThat(body(noa.get("/api/v1/me/deletion")).get("allowed").asBoolean())
                .isTrue();
        delete(noa, Api.PASSWORD).expectStatus().isNoContent();

        expectProblem(noa.get("/api/v1/me"), 401, "/problems/unauthenticated");
        expectProblem(api().bearer(token).get("/api/v1/me"), 401, "/problems/unauthenticated");
        api().anonymous()
                .get(java.net.URI.create(feed).getPath())
                .expectStatus()
                .isNotFound();
        expectProblem(
                api().anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD)),
                401,
                "/problems/bad-credentials");
        assertThat(attendance(ahead)).isEqualTo(aheadBefore);
        assertThat(attendance(ended)).isEqualTo(endedBefore);
        JsonNode list = body(owner.get("/api/v1/events/" + ahead + "/rsvps"));
        assertThat(list.findValuesAsString("name")).containsExactly("(deleted account)");
        assertThat(list.toString()).doesNotContain(email).doesNotContain("Noa");
        assertThat(body(owner.get("/api/v1/organizations/" + own + "/members")).findValuesAsString("role"))
                .containsExactly("OWNER");
        assertThat(awaitMail(email, "Tocsin: your account was deleted").text()).contains("deleted");

        List<String> left = new ArrayList<>();
        for (String collection : mongo.getCollectionNames().collectList().block(Duration.ofSeconds(30))) {
            for (Document doc :
                    mongo.findAll(Document.class, collection).collectList().block(Duration.ofSeconds(30))) {
                String json = doc.toJson();
                if (json.contains(noa.userId()) || json.contains(email)) {
                    left.add(collection + ": " + json);
                }
            }
        }
        assertThat(left)
                .as("stored documents still holding Noa's id or address")
                .isEmpty();
    }

    @Test
    void organizationsThePersonAloneOwnsAreHandedOnOrDeletedWithTheAccount() {
        String email = "sole-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller noa = api().newUser("Noa", email);
        verifyByMail(api(), email);
        JsonNode circle = body(noa.post("/api/v1/organizations", Map.of("name", "Noa's circle " + UUID.randomUUID())));
        JsonNode solo = body(noa.post("/api/v1/organizations", Map.of("name", "Noa alone " + UUID.randomUUID())));
        String circleSlug = circle.get("slug").asString();
        String soloSlug = solo.get("slug").asString();
        String boEmail = "bo-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller bo = api().newUser("Bo", boEmail);
        accept(bo, invitation(noa, circleSlug, "MEMBER"));
        String action = event(noa, circleSlug);
        bo.post("/api/v1/events/" + action + "/rsvps", Map.of("name", "Bo", "response", "GOING"))
                .expectStatus()
                .isCreated();
        String othersEmail = "other-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller other = api().newUser("Other", othersEmail);
        verifyByMail(api(), othersEmail);
        String theirs = slug(other.post("/api/v1/organizations", Map.of("name", "Others " + UUID.randomUUID())));

        // The preview names both, with the ways out: Bo to hand the circle on to, and what deleting removes.
        JsonNode preview = body(noa.get("/api/v1/me/deletion"));
        assertThat(preview.get("blockers").findValuesAsString("slug")).containsExactlyInAnyOrder(circleSlug, soloSlug);
        JsonNode circleBlocker = blocker(preview, circleSlug);
        assertThat(circleBlocker.get("reason").asString()).isEqualTo("only-owner");
        assertThat(circleBlocker.get("handOnTo").findValuesAsString("userId")).containsExactly(bo.userId());
        assertThat(circleBlocker.at("/deletes/events").asLong()).isEqualTo(1);
        assertThat(circleBlocker.at("/deletes/rsvps").asLong()).isEqualTo(1);
        assertThat(blocker(preview, soloSlug).get("reason").asString()).isEqualTo("only-member");
        assertThat(blocker(preview, soloSlug).get("handOnTo").isEmpty()).isTrue();

        // One left unsettled: refused, naming it; someone else's organization: a bad field. Nothing changes.
        JsonNode refused = noa.request(
                        HttpMethod.DELETE,
                        "/api/v1/me",
                        Map.of("password", Api.PASSWORD, "deleteOrganizations", List.of(circleSlug)))
                .expectStatus()
                .isEqualTo(409)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused.get("type").asString()).endsWith("/problems/last-owner");
        assertThat(refused.findValuesAsString("message")).containsExactly(soloSlug);
        expectProblem(
                noa.request(
                        HttpMethod.DELETE,
                        "/api/v1/me",
                        Map.of("password", Api.PASSWORD, "deleteOrganizations", List.of(circleSlug, soloSlug, theirs))),
                400,
                "/problems/validation");
        noa.get("/api/v1/organizations/" + circleSlug).expectStatus().isOk();

        noa.request(
                        HttpMethod.DELETE,
                        "/api/v1/me",
                        Map.of("password", Api.PASSWORD, "deleteOrganizations", List.of(circleSlug, soloSlug)))
                .expectStatus()
                .isNoContent();

        expectProblem(noa.get("/api/v1/me"), 401, "/problems/unauthenticated");
        bo.get("/api/v1/organizations/" + circleSlug).expectStatus().isNotFound();
        api().anonymous().get("/api/v1/events/" + action).expectStatus().isNotFound();
        other.get("/api/v1/organizations/" + theirs).expectStatus().isOk();
        bo.get("/api/v1/me").expectStatus().isOk();
        assertThat(awaitMail(
                                boEmail,
                                "Tocsin: the organization " + circle.get("name").asString() + " was deleted")
                        .text())
                .contains(circleSlug);
        assertThat(awaitMail(email, "Tocsin: your account was deleted").text()).contains("deleted");

        List<String> left = new ArrayList<>();
        List<String> gone = List.of(
                noa.userId(), email, circle.get("id").asString(), solo.get("id").asString());
        for (String collection : mongo.getCollectionNames().collectList().block(Duration.ofSeconds(30))) {
            for (Document doc :
                    mongo.findAll(Document.class, collection).collectList().block(Duration.ofSeconds(30))) {
                String json = doc.toJson();
                if (gone.stream().anyMatch(json::contains)) {
                    left.add(collection + ": " + json);
                }
            }
        }
        assertThat(left)
                .as("stored documents still holding Noa's id or address, or a deleted organization's id")
                .isEmpty();
    }

    private static JsonNode blocker(JsonNode preview, String slug) {
        for (JsonNode b : preview.get("blockers")) {
            if (b.get("slug").asString().equals(slug)) {
                return b;
            }
        }
        throw new AssertionError("no blocker for " + slug);
    }

    @Test
    void withTwoFactorOnTheCodeIsAskedToo() {
        String email = "tfa-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller ed = api().newUser("Ed", email);
        String secret = TwoFactorFixtures.enrol(ed);
        assertThat(body(ed.get("/api/v1/me/deletion"))
                        .get("secondFactorRequired")
                        .asBoolean())
                .isTrue();
        expectProblem(
                ed.request(HttpMethod.DELETE, "/api/v1/me", Map.of("password", Api.PASSWORD)),
                400,
                "/problems/validation");
        expectProblem(
                ed.request(HttpMethod.DELETE, "/api/v1/me", Map.of("password", Api.PASSWORD, "code", "000000")),
                400,
                "/problems/bad-second-factor");
        ed.request(
                        HttpMethod.DELETE,
                        "/api/v1/me",
                        Map.of(
                                "password",
                                Api.PASSWORD,
                                "code",
                                // The enrolment spent this step's code; the app's next one is good.
                                Totp.code(Totp.fromBase32(secret), Totp.step(Instant.now()) + 1)))
                .expectStatus()
                .isNoContent();
        expectProblem(
                api().anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD)),
                401,
                "/problems/bad-credentials");
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec delete(
            Api.Caller caller, String password) {
        return caller.request(HttpMethod.DELETE, "/api/v1/me", Map.of("password", password));
    }

    private JsonNode attendance(String event) {
        return body(api().anonymous().get("/api/v1/events/" + event)).get("attendance");
    }

    private static String event(Api.Caller owner, String group) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", group);
        body.put("title", "Vigil at the prison gate");
        body.put("kind", "VIGIL");
        body.put("start", "2027-05-06T18:00");
        body.put("end", "2027-05-06T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("online", Map.of("url", "https://meet.example.org/vigil"));
        return body(owner.post("/api/v1/events", body)).get("id").asString();
    }

    private static void accept(Api.Caller who, String token) {
        who.post("/api/v1/invitations/" + token + "/accept", Map.of())
                .expectStatus()
                .isOk();
    }

    private static String invitation(Api.Caller by, String slug, String role) {
        String url = body(by.post("/api/v1/organizations/" + slug + "/invitations", Map.of("role", role)))
                .get("url")
                .asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String slug(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec created) {
        return body(created).get("slug").asString();
    }

    private static JsonNode body(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        return spec.expectStatus()
                .is2xxSuccessful()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
