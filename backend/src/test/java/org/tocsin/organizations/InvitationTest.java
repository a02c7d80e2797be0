package org.tocsin.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.tocsin.support.Problems.expectProblem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatusCode;
import org.tocsin.accounts.SecretTokens;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

class InvitationTest extends IntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    InvitationService service;

    private Api.Caller owner;
    private String slug;

    private OrganizationFixtures group;

    @BeforeEach
    void anOrganizationWithItsOwner() {
        group = new OrganizationFixtures(api(), "Invite Group");
        owner = group.owner;
        slug = group.organization;
    }

    private String invitations() {
        return "/api/v1/organizations/" + slug + "/invitations";
    }

    private JsonNode invite(Api.Caller by, Map<String, Object> body) {
        return by.post(invitations(), body)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static String token(JsonNode created) {
        String url = created.get("url").asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String roleOf(String userId) {
        return owner.get("/api/v1/organizations/" + slug + "/members")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .valueStream()
                .filter(m -> m.get("userId").asString().equals(userId))
                .map(m -> m.get("role").asString())
                .findFirst()
                .orElse(null);
    }

    @Test
    void anInvitedPersonSeesWhereTheLinkLeadsAndJoins() {
        JsonNode created = invite(owner, Map.of("role", "ORGANIZER"));
        assertThat(created.get("url").asString()).startsWith("http://localhost:8080/join/tci_");
        assertThat(created.get("role").asString()).isEqualTo("ORGANIZER");
        assertThat(created.get("maxUses").asInt()).isEqualTo(1);
        assertThat(Instant.parse(created.get("expiresAt").asString()))
                .isBetween(Instant.now().plusSeconds(6 * 86400), Instant.now().plusSeconds(7 * 86400 + 60));
        String token = token(created);

        // Anyone with the link sees the organization and the role, nothing about its members.
        web.get()
                .uri("/api/v1/invitations/" + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.organization.slug")
                .isEqualTo(slug)
                .jsonPath("$.organization.name")
                .value(n -> assertThat((String) n).startsWith("Invite Group"))
                .jsonPath("$.role")
                .isEqualTo("ORGANIZER")
                .jsonPath("$.organization.id")
                .doesNotExist();

        // Accepting needs an account, and a CSRF token like every browser write.
        expectProblem(
                api().anonymous().post("/api/v1/invitations/" + token + "/accept", Map.of()),
                401,
                "/problems/unauthenticated");
        Api.Caller invited = api().newUser("Invited");
        expectProblem(
                invited.withoutCsrf().post("/api/v1/invitations/" + token + "/accept", Map.of()),
                403,
                "/problems/csrf");
        invited.post("/api/v1/invitations/" + token + "/accept", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.organization.slug")
                .isEqualTo(slug)
                .jsonPath("$.role")
                .isEqualTo("ORGANIZER");
        assertThat(roleOf(invited.userId())).isEqualTo("ORGANIZER");
        invited.get("/api/v1/me/organizations")
                .expectBody()
                .jsonPath("$[0].myRole")
                .isEqualTo("ORGANIZER");

        // One use, used: the link is gone, for the next person as for the list.
        expectProblem(
                api().newUser("Late").post("/api/v1/invitations/" + token + "/accept", Map.of()),
                404,
                "/problems/not-found");
        owner.get(invitations())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void theTokenIsStoredOnlyAsAHashAndNeverListed() {
        JsonNode created = invite(owner, Map.of("role", "MEMBER", "expiresInDays", 30, "maxUses", 50));
        String token = token(created);
        List<Document> docs = mongo.find(
                        Query.query(where("_id").is(created.get("id").asString())), Document.class, "invitations")
                .collectList()
                .block();
        assertThat(docs).hasSize(1);
        assertThat(docs.getFirst().toJson()).doesNotContain(token).doesNotContain(token.substring(4));
        assertThat(docs.getFirst().getString("tokenHash")).isEqualTo(SecretTokens.hash(token));

        String list = owner.get(invitations())
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(list)
                .doesNotContain(token.substring(4))
                .doesNotContain("url")
                .doesNotContain("tokenHash");
        owner.get(invitations())
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(created.get("id").asString())
                .jsonPath("$[0].maxUses")
                .isEqualTo(50)
                .jsonPath("$[0].uses")
                .isEqualTo(0)
                .jsonPath("$[0].role")
                .isEqualTo("MEMBER");
    }

    @Test
    void nobodyInvitesAboveTheirOwnRole() {
        Api.Caller admin = group.memberWithRole("ADMIN");
        expectProblem(admin.post(invitations(), Map.of("role", "OWNER")), 403, "/problems/forbidden");
        invite(admin, Map.of("role", "ADMIN"));
        admin.get(invitations()).expectStatus().isOk();

        Api.Caller organizer = group.memberWithRole("ORGANIZER");
        expectProblem(organizer.post(invitations(), Map.of("role", "MEMBER")), 403, "/problems/forbidden");
        expectProblem(organizer.get(invitations()), 403, "/problems/forbidden");
        Api.Caller stranger = api().newUser("Stranger");
        expectProblem(stranger.post(invitations(), Map.of("role", "MEMBER")), 403, "/problems/forbidden");

        invite(owner, Map.of("role", "OWNER"));
    }

    @Test
    void badLimitsAreRejectedNamingTheField() {
        expectProblem(
                        owner.post(invitations(), Map.of("role", "MEMBER", "expiresInDays", 31)),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("expiresInDays");
        expectProblem(owner.post(invitations(), Map.of("role", "MEMBER", "maxUses", 51)), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("maxUses");
        expectProblem(owner.post(invitations(), Map.of("role", "MEMBER", "maxUses", 0)), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("maxUses");
        expectProblem(owner.post(invitations(), Map.of()), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("role");
    }

    @Test
    void unknownExpiredUsedUpAndRevokedLinksAnswerTheSame404() {
        Api.Caller someone = api().newUser("Someone");
        String unknown = SecretTokens.generate("tci_");

        JsonNode expiring = invite(owner, Map.of("role", "MEMBER"));
        mongo.updateFirst(
                        Query.query(where("_id").is(expiring.get("id").asString())),
                        new Update().set("expiresAt", Instant.now().minusSeconds(1)),
                        "invitations")
                .block();

        JsonNode usedUp = invite(owner, Map.of("role", "MEMBER"));
        api().newUser("First")
                .post("/api/v1/invitations/" + token(usedUp) + "/accept", Map.of())
                .expectStatus()
                .isOk();

        JsonNode revoked = invite(owner, Map.of("role", "MEMBER"));
        owner.delete(invitations() + "/" + revoked.get("id").asString())
                .expectStatus()
                .isNoContent();
        expectProblem(owner.delete(invitations() + "/" + revoked.get("id").asString()), 404, "/problems/not-found");

        List<String> bodies = new java.util.ArrayList<>();
        for (String token : List.of(unknown, token(expiring), token(usedUp), token(revoked), "not-even-a-token")) {
            bodies.add(new String(
                    expectProblem(web.get().uri("/api/v1/invitations/" + token).exchange(), 404, "/problems/not-found")
                            .returnResult()
                            .getResponseBody()));
            bodies.add(new String(expectProblem(
                            someone.post("/api/v1/invitations/" + token + "/accept", Map.of()),
                            404,
                            "/problems/not-found")
                    .returnResult()
                    .getResponseBody()));
        }
        // Alike but for "instance", which echoes the caller's own path.
        List<String> withoutInstance = bodies.stream()
                .map(b -> b.replaceAll(",?\"instance\":\"[^\"]*\"", ""))
                .toList();
        assertThat(withoutInstance).allMatch(b -> b.equals(withoutInstance.getFirst()));
        assertThat(roleOf(someone.userId())).isNull();

        // The scheduled cleanup deletes the expired one (the embedded server has no TTL indexes).
        assertThat(service.cleanup().block()).isGreaterThanOrEqualTo(1L);
        assertThat(mongo.count(Query.query(where("_id").is(expiring.get("id").asString())), "invitations")
                        .block())
                .isZero();
    }

    @Test
    void aLinkDiesWithItsMakersRightToInvite() {
        Api.Caller admin = group.memberWithRole("ADMIN");
        String demotedAdminsLink = token(invite(admin, Map.of("role", "ORGANIZER")));
        String removedAdminsLink = token(invite(group.memberWithRole("ADMIN"), Map.of("role", "MEMBER")));
        String ownersLink = token(invite(owner, Map.of("role", "MEMBER")));
        web.get()
                .uri("/api/v1/invitations/" + demotedAdminsLink)
                .exchange()
                .expectStatus()
                .isOk();

        owner.put("/api/v1/organizations/" + slug + "/members/" + admin.userId(), Map.of("role", "ORGANIZER"))
                .expectStatus()
                .isOk();
        String removed = owner.get("/api/v1/organizations/" + slug + "/members")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .valueStream()
                .filter(m -> m.get("role").asString().equals("ADMIN"))
                .findFirst()
                .orElseThrow()
                .get("userId")
                .asString();
        owner.delete("/api/v1/organizations/" + slug + "/members/" + removed)
                .expectStatus()
                .is2xxSuccessful();

        Api.Caller newcomer = api().newUser("Newcomer");
        for (String token : List.of(demotedAdminsLink, removedAdminsLink)) {
            expectProblem(web.get().uri("/api/v1/invitations/" + token).exchange(), 404, "/problems/not-found");
            expectProblem(
                    newcomer.post("/api/v1/invitations/" + token + "/accept", Map.of()), 404, "/problems/not-found");
        }
        assertThat(roleOf(newcomer.userId())).isNull();
        // Nor are they listed as open: only the owner's link is.
        owner.get(invitations()).expectBody().jsonPath("$.length()").isEqualTo(1);
        newcomer.post("/api/v1/invitations/" + ownersLink + "/accept", Map.of())
                .expectStatus()
                .isOk();
        assertThat(roleOf(newcomer.userId())).isEqualTo("MEMBER");
    }

    @Test
    void aMemberWithAnEqualOrHigherRoleKeepsItAndTakesNoUse() {
        Api.Caller admin = group.memberWithRole("ADMIN");
        JsonNode created = invite(owner, Map.of("role", "ORGANIZER", "maxUses", 2));
        String token = token(created);
        admin.post("/api/v1/invitations/" + token + "/accept", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("ADMIN");
        owner.post("/api/v1/invitations/" + token + "/accept", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("OWNER");
        owner.get(invitations()).expectBody().jsonPath("$[0].uses").isEqualTo(0);
        assertThat(roleOf(admin.userId())).isEqualTo("ADMIN");

        // A lower role is raised to the invitation's, and that takes a use.
        Api.Caller member = group.memberWithRole("MEMBER");
        member.post("/api/v1/invitations/" + token + "/accept", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("ORGANIZER");
        assertThat(roleOf(member.userId())).isEqualTo("ORGANIZER");
        owner.get(invitations()).expectBody().jsonPath("$[0].uses").isEqualTo(1);
        // Accepting again changes nothing.
        member.post("/api/v1/invitations/" + token + "/accept", Map.of())
                .expectStatus()
                .isOk();
        owner.get(invitations()).expectBody().jsonPath("$[0].uses").isEqualTo(1);
    }

    @RepeatedTest(3)
    void twentyAcceptsAtOnceOfAFiveUseLinkAdmitExactlyFive() {
        String token = token(invite(owner, Map.of("role", "MEMBER", "maxUses", 5)));
        List<Api.Caller> people = Flux.range(0, 20)
                .parallel(4)
                .runOn(Schedulers.boundedElastic())
                .map(i -> api().newUser("Person " + i))
                .sequential()
                .collectList()
                .block();
        List<HttpStatusCode> statuses = Flux.fromIterable(people)
                .parallel(20)
                .runOn(Schedulers.boundedElastic())
                .map(p -> p.post("/api/v1/invitations/" + token + "/accept", Map.of())
                        .returnResult(String.class)
                        .getStatus())
                .sequential()
                .collectList()
                .block();
        assertThat(statuses).filteredOn(HttpStatusCode::is2xxSuccessful).hasSize(5);
        assertThat(statuses).filteredOn(s -> s.value() == 404).hasSize(15);
        owner.get("/api/v1/organizations/" + slug + "/members")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(6);
    }
}
