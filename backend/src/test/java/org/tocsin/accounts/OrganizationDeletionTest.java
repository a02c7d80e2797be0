package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Deleting an organization as its OWNER, its members, a partner organization and a public mirror see it:
 * the preview counts what goes, only an OWNER who confirms their password deletes it, and afterwards its
 * events are gone (public ones read as deletions in the deletions feed), its members are mailed, another
 * organization's event that was in its campaign stays in none, and nothing stored holds its id.
 */
class OrganizationDeletionTest extends AccountMailContext {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void anOwnerDeletesTheOrganizationWithEverythingItHeld() {
        Instant since = Instant.now().minusSeconds(1);
        String ownerEmail = "owner-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller owner = api().newUser("Owner", ownerEmail);
        verifyByMail(api(), ownerEmail);
        JsonNode created = body(owner.post("/api/v1/organizations", Map.of("name", "Vigils " + UUID.randomUUID())));
        String group = created.get("slug").asString();
        String groupId = created.get("id").asString();
        String campaign = "day-" + UUID.randomUUID().toString().substring(0, 8);
        body(owner.post("/api/v1/campaigns", Map.of("name", "Day of action", "slug", campaign, "organization", group)));

        String partnerEmail = "partner-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller partner = api().newUser("Partner", partnerEmail);
        verifyByMail(api(), partnerEmail);
        accept(partner, invitation(owner, group, "ORGANIZER"));
        String other = body(partner.post("/api/v1/organizations", Map.of("name", "Partners " + UUID.randomUUID())))
                .get("slug")
                .asString();

        String listed = event(owner, group, "PUBLIC", campaign);
        String secret = event(owner, group, "PRIVATE", null);
        String theirs = event(partner, other, "PUBLIC", campaign);
        api().anonymous()
                .post("/api/v1/events/" + listed + "/rsvps", Map.of("name", "Ana", "response", "GOING"))
                .expectStatus()
                .isCreated();

        JsonNode preview = body(owner.get("/api/v1/organizations/" + group + "/deletion"));
        assertThat(preview.at("/counts/members").asLong()).isEqualTo(2);
        assertThat(preview.at("/counts/events").asLong()).isEqualTo(2);
        assertThat(preview.at("/counts/rsvps").asLong()).isEqualTo(1);
        assertThat(preview.at("/counts/campaigns").asLong()).isEqualTo(1);
        assertThat(preview.get("secondFactorRequired").asBoolean()).isFalse();
        expectProblem(partner.get("/api/v1/organizations/" + group + "/deletion"), 403, "/problems/forbidden");

        expectProblem(delete(partner, group, Api.PASSWORD), 403, "/problems/forbidden");
        expectProblem(delete(owner, group, "not the password"), 400, "/problems/validation");
        owner.get("/api/v1/organizations/" + group).expectStatus().isOk();

        delete(owner, group, Api.PASSWORD).expectStatus().isNoContent();

        owner.get("/api/v1/organizations/" + group).expectStatus().isNotFound();
        api().anonymous().get("/api/v1/events/" + listed).expectStatus().isNotFound();
        owner.get("/api/v1/events/" + secret).expectStatus().isNotFound();
        JsonNode kept = body(api().anonymous().get("/api/v1/events/" + theirs));
        assertThat(kept.path("campaign").isMissingNode()
                        || kept.path("campaign").isNull())
                .isTrue();
        assertThat(awaitMail(
                                partnerEmail,
                                "Tocsin: the organization "
                                        + created.get("name").asString() + " was deleted")
                        .text())
                .contains(group);
        // A public mirror reads the listed event as deleted, and learns nothing of the private one.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                body(api().anonymous().get("/api/v1/events/deleted?since=" + since + "&limit=200"))
                                        .get("items")
                                        .findValuesAsString("id"))
                        .contains(listed)
                        .doesNotContain(secret));

        List<String> left = new ArrayList<>();
        for (String collection : mongo.getCollectionNames().collectList().block(Duration.ofSeconds(30))) {
            for (Document doc :
                    mongo.findAll(Document.class, collection).collectList().block(Duration.ofSeconds(30))) {
                if (doc.toJson().contains(groupId)) {
                    left.add(collection + ": " + doc.toJson());
                }
            }
        }
        assertThat(left)
                .as("stored documents still holding the organization's id")
                .isEmpty();
    }

    @Test
    void withTwoFactorOnTheOwnersCodeIsAskedToo() {
        String email = "tfa-owner-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller owner = api().newUser("Ed", email);
        verifyByMail(api(), email);
        String group = body(owner.post("/api/v1/organizations", Map.of("name", "Circle " + UUID.randomUUID())))
                .get("slug")
                .asString();
        TwoFactorFixtures.enrol(owner);
        assertThat(body(owner.get("/api/v1/organizations/" + group + "/deletion"))
                        .get("secondFactorRequired")
                        .asBoolean())
                .isTrue();
        expectProblem(delete(owner, group, Api.PASSWORD), 400, "/problems/validation");
        owner.get("/api/v1/organizations/" + group).expectStatus().isOk();
    }

    static WebTestClient.ResponseSpec delete(Api.Caller caller, String slug, String password) {
        return caller.request(HttpMethod.DELETE, "/api/v1/organizations/" + slug, Map.of("password", password));
    }

    private static String event(Api.Caller by, String group, String visibility, String campaign) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", group);
        body.put("title", "Vigil at the prison gate");
        body.put("kind", "VIGIL");
        body.put("start", "2027-05-06T18:00");
        body.put("end", "2027-05-06T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("visibility", visibility);
        body.put("online", Map.of("url", "https://meet.example.org/vigil"));
        if (campaign != null) {
            body.put("campaign", campaign);
        }
        return body(by.post("/api/v1/events", body)).get("id").asString();
    }

    static void accept(Api.Caller who, String token) {
        who.post("/api/v1/invitations/" + token + "/accept", Map.of())
                .expectStatus()
                .isOk();
    }

    static String invitation(Api.Caller by, String slug, String role) {
        String url = body(by.post("/api/v1/organizations/" + slug + "/invitations", Map.of("role", role)))
                .get("url")
                .asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static JsonNode body(WebTestClient.ResponseSpec spec) {
        var result = spec.expectBody(JsonNode.class).returnResult();
        assertThat(result.getStatus().is2xxSuccessful())
                .as("%s answered %s", result.getUrl(), result.getResponseBody())
                .isTrue();
        return result.getResponseBody();
    }
}
