package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.tocsin.support.Problems.expectProblem;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tocsin.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Email verification as the mailbox's owner, a stranger and an organization's admin see it, with the
 * requirement on as in production: the link read from the mail works once and only for its time; asking
 * for a new one answers alike for every address; until the address is verified the account creates no
 * organization and is made ORGANIZER or more by neither an admin nor an invitation.
 */
class EmailVerificationTest extends AccountMailContext {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theMailedLinkVerifiesOnceAndThenTheAccountMayOrganize() {
        String email = "verify-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller ana = api().newUser("Ana", email);
        assertThat(me(ana).get("emailVerified").asBoolean()).isFalse();
        expectProblem(
                ana.post("/api/v1/organizations", Map.of("name", "Ana's group " + UUID.randomUUID())),
                403,
                "/problems/email-not-verified");

        String token = verificationToken(email);
        confirm(token).expectStatus().isNoContent();
        expectProblem(confirm(token), 400, "/problems/validation");
        expectProblem(confirm("tev_made-up"), 400, "/problems/validation");

        assertThat(me(ana).get("emailVerified").asBoolean()).isTrue();
        ana.post("/api/v1/organizations", Map.of("name", "Ana's group " + UUID.randomUUID()))
                .expectStatus()
                .isCreated();
    }

    @Test
    void anAccountOlderThanVerificationIsAskedToSendItselfALinkAndMayThenOrganize() {
        String email = "older-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller eli = api().newUser("Eli", email);
        assertThat(me(eli).get("verificationLinkSent").asBoolean()).isTrue();
        awaitMail(email, VERIFY_SUBJECT);
        // As the account was stored before addresses were confirmed: no verification field, no link ever sent.
        mongo.updateFirst(Query.query(where("_id").is(eli.userId())), new Update().unset("emailVerifiedAt"), "users")
                .block();
        mongo.remove(Query.query(where("userId").is(eli.userId())), "account_links")
                .block();
        JsonNode before = me(eli);
        assertThat(before.get("emailVerified").asBoolean()).isFalse();
        assertThat(before.get("verificationLinkSent").asBoolean()).isFalse();

        askAgain(email);
        assertThat(me(eli).get("verificationLinkSent").asBoolean()).isTrue();
        awaitMailCount(email, 2);
        confirm(verificationToken(email)).expectStatus().isNoContent();
        JsonNode after = me(eli);
        assertThat(after.get("emailVerified").asBoolean()).isTrue();
        assertThat(after.get("verificationLinkSent").asBoolean()).isFalse();
        eli.post("/api/v1/organizations", Map.of("name", "Eli's group " + UUID.randomUUID()))
                .expectStatus()
                .isCreated();
    }

    @Test
    void aLinkPastItsTimeNoLongerWorks() {
        String email = "late-" + UUID.randomUUID() + "@tocsin.test";
        api().newUser("Bo", email);
        String token = verificationToken(email);
        // The hour passes: the stored link's time is what the server goes by.
        mongo.updateFirst(
                        Query.query(where("_id").is(SecretTokens.hash(token))),
                        new Update().set("expiresAt", Instant.now().minusSeconds(1)),
                        "account_links")
                .block();
        expectProblem(confirm(token), 400, "/problems/validation");
    }

    @Test
    void askingForANewLinkAnswersAlikeForEveryAddressAndIsLimited() {
        String unverified = "again-" + UUID.randomUUID() + "@tocsin.test";
        String verified = "done-" + UUID.randomUUID() + "@tocsin.test";
        api().newUser("Cy", unverified);
        api().newUser("Di", verified);
        verifyByMail(api(), verified);

        String forVerified = askAgain(verified);
        String forUnknown = askAgain("nobody-" + UUID.randomUUID() + "@tocsin.test");
        String forUnverified = askAgain(unverified);
        assertThat(forVerified).isEqualTo(forUnknown).isEqualTo(forUnverified);

        // The new link arrives, and works; the verified address got no second mail.
        awaitMailCount(unverified, 2);
        confirm(verificationToken(unverified)).expectStatus().isNoContent();
        assertThat(mailsTo(verified))
                .filteredOn(m -> m.subject().equals(VERIFY_SUBJECT))
                .hasSize(1);

        askAgain(unverified);
        askAgain(unverified);
        expectProblem(
                api().anonymous().post("/api/v1/auth/email-verification", Map.of("email", unverified)),
                429,
                "/problems/rate-limited");
    }

    @Test
    void anUnverifiedAccountIsMadeOrganizerNeitherByAnAdminNorByAnInvitation() {
        String ownerEmail = "owner-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller owner = api().newUser("Owner", ownerEmail);
        verifyByMail(api(), ownerEmail);
        String slug = owner.post("/api/v1/organizations", Map.of("name", "Vigil group " + UUID.randomUUID()))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("slug")
                .asString();

        String email = "newcomer-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller newcomer = api().newUser("Newcomer", email);
        expectProblem(
                newcomer.post("/api/v1/invitations/" + invitation(owner, slug, "ORGANIZER") + "/accept", Map.of()),
                403,
                "/problems/email-not-verified");
        // As a MEMBER, yes; raised to ORGANIZER by the owner, no.
        newcomer.post("/api/v1/invitations/" + invitation(owner, slug, "MEMBER") + "/accept", Map.of())
                .expectStatus()
                .isOk();
        expectProblem(
                owner.put("/api/v1/organizations/" + slug + "/members/" + newcomer.userId(), Map.of("role", "ADMIN")),
                403,
                "/problems/email-not-verified");
        expectProblem(
                owner.put(
                        "/api/v1/organizations/" + slug + "/members/" + newcomer.userId(), Map.of("role", "ORGANIZER")),
                403,
                "/problems/email-not-verified");
        JsonNode members = owner.get("/api/v1/organizations/" + slug + "/members")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(members.findValuesAsString("role")).containsExactlyInAnyOrder("OWNER", "MEMBER");
        // Joining sent no mail about the organization: the only mail the newcomer got is the verification link.
        assertThat(mailsTo(email)).extracting(Mail::subject).containsOnly(VERIFY_SUBJECT);

        verifyByMail(api(), email);
        owner.put("/api/v1/organizations/" + slug + "/members/" + newcomer.userId(), Map.of("role", "ORGANIZER"))
                .expectStatus()
                .isOk();
    }

    private JsonNode me(Api.Caller caller) {
        return caller.get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec confirm(String token) {
        return api().anonymous().post("/api/v1/auth/email-verification/confirm", Map.of("token", token));
    }

    private String askAgain(String email) {
        return api().anonymous()
                .post("/api/v1/auth/email-verification", Map.of("email", email))
                .expectStatus()
                .isAccepted()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static String invitation(Api.Caller owner, String slug, String role) {
        String url = owner.post("/api/v1/organizations/" + slug + "/invitations", Map.of("role", role))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("url")
                .asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static void awaitMailCount(String to, int count) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mailsTo(to))
                        .filteredOn(m -> m.subject().equals(VERIFY_SUBJECT))
                        .hasSize(count));
    }
}
