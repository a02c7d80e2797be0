package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

class AccountFlowTest extends IntegrationTest {

    @Test
    void registerSignInAndSeeYourself() {
        String email = "Ana.Flow@Example.ORG ";
        api().anonymous()
                .post("/api/v1/auth/register", Map.of("email", email, "password", Api.PASSWORD, "displayName", "Ana"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo("ana.flow@example.org")
                .jsonPath("$.displayName")
                .isEqualTo("Ana")
                .jsonPath("$.passwordHash")
                .doesNotExist()
                .jsonPath("$.password")
                .doesNotExist();

        Api.Caller ana = api().signIn("ANA.flow@example.org", Api.PASSWORD);
        ana.get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo("ana.flow@example.org")
                .jsonPath("$.admin")
                .isEqualTo(false);
    }

    @Test
    void sessionCookieIsHostPrefixedSecureHttpOnlyAndLax() {
        String email = "cookie-" + System.nanoTime() + "@tocsin.test";
        api().anonymous()
                .post("/api/v1/auth/register", Map.of("email", email, "password", Api.PASSWORD, "displayName", "C"))
                .expectStatus()
                .isCreated();
        api().anonymous()
                .post("/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD))
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(
                        HttpHeaders.SET_COOKIE,
                        cookie -> assertThat(cookie.toLowerCase())
                                .startsWith("__host-tocsin-session=")
                                .contains("secure", "httponly", "samesite=lax", "path=/"));
    }

    @Test
    void duplicateEmailInAnySpellingIsAConflict() {
        String email = "dup-" + System.nanoTime() + "@tocsin.test";
        api().newUser("First", email);
        expectProblem(
                api().anonymous()
                        .post(
                                "/api/v1/auth/register",
                                Map.of(
                                        "email",
                                        email.toUpperCase(),
                                        "password",
                                        Api.PASSWORD,
                                        "displayName",
                                        "Second")),
                409,
                "/problems/email-taken");
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerAlike() {
        Api.Caller user = api().newUser("Bo");
        String email = user.get("/api/v1/me")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("email")
                .asString();
        expectProblem(
                        api().anonymous()
                                .post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password!")),
                        401,
                        "/problems/bad-credentials")
                .jsonPath("$.detail")
                .isEqualTo("The email or the password is wrong");
        expectProblem(
                        api().anonymous()
                                .post(
                                        "/api/v1/auth/login",
                                        Map.of(
                                                "email",
                                                "nobody-" + System.nanoTime() + "@tocsin.test",
                                                "password",
                                                "wrong password!")),
                        401,
                        "/problems/bad-credentials")
                .jsonPath("$.detail")
                .isEqualTo("The email or the password is wrong");
    }

    @Test
    void meNeedsSignIn() {
        expectProblem(web.get().uri("/api/v1/me").exchange(), 401, "/problems/unauthenticated");
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        Api.Caller user = api().newUser("Cy");
        user.post("/api/v1/auth/logout", null).expectStatus().isNoContent();
        // Replaying the old cookie must not work: the session is gone from the database, not just from the browser.
        expectProblem(user.get("/api/v1/me"), 401, "/problems/unauthenticated");
    }

    @Test
    void stateChangesWithoutTheCsrfTokenAreRefused() {
        Api.Caller user = api().newUser("Di");
        expectProblem(user.withoutCsrf().post("/api/v1/me/tokens", Map.of("name", "laptop")), 403, "/problems/csrf");
        user.get("/api/v1/me/tokens")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void apiTokenIsShownOnceWorksWithoutCsrfAndCanBeRevoked() {
        Api.Caller user = api().newUser("Ed");
        JsonNode created = user.post("/api/v1/me/tokens", Map.of("name", "calendar script"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String token = created.get("token").asString();
        assertThat(token).startsWith("tcs_").hasSizeGreaterThan(40);

        Api.Caller script = api().bearer(token);
        script.get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(user.userId());
        // A bearer call needs no CSRF token.
        script.post("/api/v1/me/tokens", Map.of("name", "second"))
                .expectStatus()
                .isCreated();

        user.get("/api/v1/me/tokens")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].name")
                .isEqualTo("calendar script")
                .jsonPath("$[0].lastUsedAt")
                .isNotEmpty()
                .jsonPath("$[0].token")
                .doesNotExist()
                .jsonPath("$[0].tokenHash")
                .doesNotExist();

        user.delete("/api/v1/me/tokens/" + created.get("id").asString())
                .expectStatus()
                .isNoContent();
        expectProblem(script.get("/api/v1/me"), 401, "/problems/unauthenticated");
    }

    @Test
    void badOrForgedTokenIs401EvenOnPublicRoutes() {
        expectProblem(api().bearer("tcs_not-a-real-token").get("/api/v1/me"), 401, "/problems/unauthenticated");
        expectProblem(api().bearer("tcs_not-a-real-token").get("/api/v1/auth/csrf"), 401, "/problems/unauthenticated");
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() {
        Api.Caller owner = api().newUser("Fa");
        Api.Caller other = api().newUser("Gi");
        String id = owner.createdId("/api/v1/me/tokens", Map.of("name", "mine"));
        expectProblem(other.delete("/api/v1/me/tokens/" + id), 404, "/problems/not-found");
        owner.get("/api/v1/me/tokens").expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    /**
     * Issue 10 #8: someone who took the account over may have made API tokens and copied feed addresses;
     * a password change used to leave them all working. Now it ends them, and says what it ended.
     */
    @Test
    void passwordChangeEndsOtherSessionsAndRevokesEveryCredentialMadeWithTheAccount() {
        String email = "pw-" + System.nanoTime() + "@tocsin.test";
        Api.Caller laptop = api().newUser("Ha", email);
        Api.Caller phone = api().signIn(email, Api.PASSWORD);
        OrganizationFixtures group = new OrganizationFixtures(api(), "Password group");
        group.joins(laptop, "MEMBER");

        // What an intruder would make from the phone's session and keep.
        String apiToken = phone.post("/api/v1/me/tokens", Map.of("name", "mine now"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .asString();
        String personalFeed = URI.create(phone.post("/api/v1/me/calendar-feed", Map.of())
                        .expectStatus()
                        .isCreated()
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getResponseBody()
                        .get("url")
                        .asString())
                .getPath();
        String organizationFeed = URI.create(
                        phone.post("/api/v1/organizations/" + group.organization + "/feed-token", null)
                                .expectStatus()
                                .isCreated()
                                .expectBody(JsonNode.class)
                                .returnResult()
                                .getResponseBody()
                                .get("url")
                                .asString())
                .getPath();
        api().bearer(apiToken).get("/api/v1/me").expectStatus().isOk();
        web.get().uri(personalFeed).exchange().expectStatus().isOk();
        web.get().uri(organizationFeed).exchange().expectStatus().isOk();

        laptop.post(
                        "/api/v1/me/password",
                        Map.of("currentPassword", Api.PASSWORD, "newPassword", "another long passphrase"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.otherSessionsEnded")
                .isEqualTo(1)
                .jsonPath("$.revoked.apiTokens")
                .isEqualTo(1)
                .jsonPath("$.revoked.calendarFeed")
                .isEqualTo(1)
                .jsonPath("$.revoked.organizationFeeds")
                .isEqualTo(1)
                .jsonPath("$.message")
                .value(m -> assertThat((String) m).contains("Make new ones"));

        laptop.get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.calendarFeedUrl")
                .doesNotExist();
        expectProblem(phone.get("/api/v1/me"), 401, "/problems/unauthenticated");
        expectProblem(api().bearer(apiToken).get("/api/v1/me"), 401, "/problems/unauthenticated");
        expectProblem(web.get().uri(personalFeed).exchange(), 404, "/problems/not-found");
        expectProblem(web.get().uri(organizationFeed).exchange(), 404, "/problems/not-found");
        laptop.get("/api/v1/me/tokens").expectBody().jsonPath("$.length()").isEqualTo(0);
        api().signIn(email, "another long passphrase");

        // The owner makes new ones; they work.
        String fresh = laptop.post("/api/v1/me/tokens", Map.of("name", "new"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .asString();
        api().bearer(fresh).get("/api/v1/me").expectStatus().isOk();
    }

    @Test
    void adminsAreNamedByConfiguration() {
        Api.Caller admin = platformAdmin();
        admin.get("/api/v1/me").expectBody().jsonPath("$.admin").isEqualTo(true);
    }
}
