package org.tocsin.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

class OrganizationRulesTest extends IntegrationTest {

    private OrganizationFixtures group;
    private Api.Caller owner;
    private String slug;

    @BeforeEach
    void anOrganizationWithItsOwner() {
        group = new OrganizationFixtures(api(), "Vigil Group");
        owner = group.owner;
        slug = group.organization;
    }

    private String members(Api.Caller viewer) {
        return "/api/v1/organizations/" + slug + "/members";
    }

    private String member(String userId) {
        return "/api/v1/organizations/" + slug + "/members/" + userId;
    }

    /** Joins through an invitation link: the only way in. */
    private Api.Caller memberWithRole(String name, String role) {
        return group.joins(api().newUser(name), role);
    }

    @Test
    void creatorIsOwnerAndTheOrganizationIsPublic() {
        owner.get("/api/v1/organizations/" + slug)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.myRole")
                .isEqualTo("OWNER");
        web.get()
                .uri("/api/v1/organizations/" + slug)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.slug")
                .isEqualTo(slug)
                .jsonPath("$.myRole")
                .doesNotExist();
        owner.get(members(owner))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].role")
                .isEqualTo("OWNER")
                .jsonPath("$[0].displayName")
                .isEqualTo("Organizer")
                .jsonPath("$[0].email")
                .doesNotExist();
        owner.get("/api/v1/me/organizations")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].slug")
                .isEqualTo(slug)
                .jsonPath("$[0].myRole")
                .isEqualTo("OWNER");
    }

    @Test
    void memberListIsForMembersOnly() {
        Api.Caller stranger = api().newUser("Stranger");
        expectProblem(stranger.get(members(stranger)), 403, "/problems/forbidden");
        expectProblem(
                web.get().uri("/api/v1/organizations/" + slug + "/members").exchange(),
                401,
                "/problems/unauthenticated");
        Api.Caller plainMember = memberWithRole("Member", "MEMBER");
        plainMember
                .get(members(plainMember))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2);
    }

    @Test
    void strangersCannotAddThemselvesOrEditTheOrganization() {
        Api.Caller stranger = api().newUser("Stranger");
        expectProblem(stranger.put(member(stranger.userId()), Map.of("role", "MEMBER")), 403, "/problems/forbidden");
        expectProblem(
                stranger.patch("/api/v1/organizations/" + slug, Map.of("name", "Hijacked")),
                403,
                "/problems/forbidden");
        owner.get("/api/v1/organizations/" + slug)
                .expectBody()
                .jsonPath("$.name")
                .value(n -> assertThat((String) n).startsWith("Vigil Group"));
    }

    @Test
    void anOrganizerCannotPromoteHimself() {
        Api.Caller organizer = memberWithRole("Organizer", "ORGANIZER");
        expectProblem(organizer.put(member(organizer.userId()), Map.of("role", "ADMIN")), 403, "/problems/forbidden");
        expectProblem(organizer.put(member(organizer.userId()), Map.of("role", "OWNER")), 403, "/problems/forbidden");
        // And he cannot manage anyone else either.
        Api.Caller other = api().newUser("Other");
        expectProblem(organizer.put(member(other.userId()), Map.of("role", "MEMBER")), 403, "/problems/forbidden");
        owner.get(members(owner))
                .expectBody()
                .jsonPath("$[?(@.userId=='" + organizer.userId() + "')].role")
                .isEqualTo("ORGANIZER");
    }

    @Test
    void anAdminManagesMembersButNeverAboveHisOwnRole() {
        Api.Caller admin = memberWithRole("Admin", "ADMIN");
        Api.Caller newcomer = memberWithRole("Newcomer", "MEMBER");
        admin.put(member(newcomer.userId()), Map.of("role", "ORGANIZER"))
                .expectStatus()
                .isOk();
        admin.put(member(newcomer.userId()), Map.of("role", "ADMIN"))
                .expectStatus()
                .isOk();
        expectProblem(admin.put(member(newcomer.userId()), Map.of("role", "OWNER")), 403, "/problems/forbidden");
        // An ADMIN cannot demote or remove an OWNER.
        expectProblem(admin.put(member(owner.userId()), Map.of("role", "MEMBER")), 403, "/problems/forbidden");
        expectProblem(admin.delete(member(owner.userId())), 403, "/problems/forbidden");
        admin.patch("/api/v1/organizations/" + slug, Map.of("description", "Weekly vigils"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.description")
                .isEqualTo("Weekly vigils");
    }

    @Test
    void theLastOwnerCannotLeaveOrBeDemoted() {
        expectProblem(owner.put(member(owner.userId()), Map.of("role", "ADMIN")), 409, "/problems/last-owner");
        expectProblem(owner.delete(member(owner.userId())), 409, "/problems/last-owner");
        owner.get("/api/v1/organizations/" + slug)
                .expectBody()
                .jsonPath("$.myRole")
                .isEqualTo("OWNER");

        Api.Caller second = memberWithRole("Second owner", "OWNER");
        owner.delete(member(owner.userId())).expectStatus().isNoContent();
        expectProblem(second.delete(member(second.userId())), 409, "/problems/last-owner");
        second.get(members(second)).expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @RepeatedTest(5)
    void twoOwnersDemotingThemselvesAtOnceLeaveOneOwner() {
        Api.Caller second = memberWithRole("Second owner", "OWNER");
        List<HttpStatusCode> statuses = Flux.just(owner, second)
                .parallel(2)
                .runOn(Schedulers.boundedElastic())
                .map(caller -> caller.put(member(caller.userId()), Map.of("role", "MEMBER"))
                        .returnResult(String.class)
                        .getStatus())
                .sequential()
                .collectList()
                .block();
        assertThat(statuses).filteredOn(HttpStatusCode::is2xxSuccessful).hasSize(1);
        assertThat(statuses).filteredOn(s -> s.value() == 409).hasSize(1);
        long owners = owner.get(members(owner))
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .valueStream()
                .filter(m -> m.get("role").asString().equals("OWNER"))
                .count();
        assertThat(owners).isEqualTo(1);
    }

    @Test
    void membersMayLeaveAndAdminsMayRemove() {
        Api.Caller leaving = memberWithRole("Leaving", "ORGANIZER");
        leaving.delete(member(leaving.userId())).expectStatus().isNoContent();
        Api.Caller removed = memberWithRole("Removed", "MEMBER");
        owner.delete(member(removed.userId())).expectStatus().isNoContent();
        owner.get(members(owner)).expectBody().jsonPath("$.length()").isEqualTo(1);
        expectProblem(owner.delete(member(removed.userId())), 404, "/problems/not-found");
    }

    @Test
    void unknownUsersAndOrganizationsAre404() {
        expectProblem(
                owner.put(member("000000000000000000000000"), Map.of("role", "MEMBER")), 404, "/problems/not-found");
        expectProblem(web.get().uri("/api/v1/organizations/no-such-org").exchange(), 404, "/problems/not-found");
    }

    /**
     * Issue 10 #5: an admin used to add any account by its id, with no consent, and read its display name
     * back. Now an account that is not a member answers exactly like one that does not exist, and nothing
     * is stored: the person is in only after accepting an invitation.
     */
    @Test
    void nobodyIsAddedWithoutConsentAndTheAnswerDoesNotTellWhetherTheAccountExists() {
        Api.Caller someone = api().newUser("Quiet Person");
        String existing = new String(
                expectProblem(owner.put(member(someone.userId()), Map.of("role", "MEMBER")), 404, "/problems/not-found")
                        .returnResult()
                        .getResponseBody());
        String missing = new String(expectProblem(
                        owner.put(member("000000000000000000000000"), Map.of("role", "MEMBER")),
                        404,
                        "/problems/not-found")
                .returnResult()
                .getResponseBody());
        assertThat(existing).doesNotContain("Quiet Person");
        assertThat(existing.replace(someone.userId(), "X").replaceAll(",?\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(
                        missing.replace("000000000000000000000000", "X").replaceAll(",?\"instance\":\"[^\"]*\"", ""));
        owner.get(members(owner)).expectBody().jsonPath("$.length()").isEqualTo(1);
        someone.get("/api/v1/me/organizations")
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);

        // The person's own consent: accepting an invitation. Then the role can be changed by id.
        group.joins(someone, "MEMBER");
        owner.put(member(someone.userId()), Map.of("role", "ORGANIZER"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("ORGANIZER")
                .jsonPath("$.displayName")
                .isEqualTo("Quiet Person");
    }

    @Test
    void badRolesAreRejectedNaming400() {
        Api.Caller user = memberWithRole("U", "MEMBER");
        expectProblem(owner.put(member(user.userId()), Map.of("role", "SUPREME_LEADER")), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("role");
        expectProblem(owner.put(member(user.userId()), Map.of()), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("role");
    }
}
