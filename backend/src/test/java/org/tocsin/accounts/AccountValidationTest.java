package org.tocsin.accounts;

import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;

class AccountValidationTest extends IntegrationTest {

    private void expectRegisterRejected(Object body, String field) {
        Api.Caller anonymous = api().anonymous();
        expectProblem(anonymous.post("/api/v1/auth/register", body), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    @Test
    void shortPasswordIsRefusedAndNothingIsStored() {
        String email = "short-" + System.nanoTime() + "@tocsin.test";
        expectRegisterRejected(Map.of("email", email, "password", "too short", "displayName", "X"), "password");
        // The email is still free: the failed attempt stored nothing.
        api().anonymous()
                .post("/api/v1/auth/register", Map.of("email", email, "password", Api.PASSWORD, "displayName", "X"))
                .expectStatus()
                .isCreated();
    }

    @Test
    void easilyGuessedPasswordsAreRefusedAtSignUpAndOnChangeAndNothingIsStored() {
        String email = "samira.rahimi." + System.nanoTime() + "@tocsin.test";
        String localPart = email.substring(0, email.indexOf('@'));
        for (String weak : java.util.List.of("password1234", "1234567890", "qwertyuiop12", "iloveyou2024", localPart)) {
            Api.Caller anonymous = api().anonymous();
            expectProblem(
                            anonymous.post(
                                    "/api/v1/auth/register",
                                    Map.of("email", email, "password", weak, "displayName", "Samira")),
                            400,
                            "/problems/validation")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("password")
                    .jsonPath("$.errors[0].message")
                    .value(m -> org.assertj.core.api.Assertions.assertThat(String.valueOf(m))
                            .startsWith("is too easy to guess"));
        }
        // Nothing was stored: the email is still free, and a passphrase is accepted.
        api().anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("email", email, "password", Api.PASSWORD, "displayName", "Samira"))
                .expectStatus()
                .isCreated();
        Api.Caller samira = api().signIn(email, Api.PASSWORD);
        expectProblem(
                        samira.post(
                                "/api/v1/me/password",
                                Map.of("currentPassword", Api.PASSWORD, "newPassword", "password1234")),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("newPassword");
        api().signIn(email, Api.PASSWORD).get("/api/v1/me").expectStatus().isOk();
    }

    @Test
    void passwordsBcryptWouldTruncateAreRefused() {
        expectRegisterRejected(
                Map.of(
                        "email",
                        "long-" + System.nanoTime() + "@tocsin.test",
                        "password",
                        "x".repeat(73),
                        "displayName",
                        "X"),
                "password");
    }

    @Test
    void badEmailBlankNameAndMissingFieldsNameTheField() {
        expectRegisterRejected(Map.of("email", "not-an-email", "password", Api.PASSWORD, "displayName", "X"), "email");
        expectRegisterRejected(
                Map.of("email", "a@b.test", "password", Api.PASSWORD, "displayName", "  "), "displayName");
        expectRegisterRejected(Map.of("email", "a@b.test", "password", Api.PASSWORD), "displayName");
    }

    @Test
    void malformedJsonWrongTypesAndUnknownPropertiesAre400NotServerErrors() {
        Api.Caller anonymous = api().anonymous();
        expectProblem(anonymous.post("/api/v1/auth/register", "{\"email\": "), 400, "/problems/malformed-request");
        expectProblem(
                        anonymous.post(
                                "/api/v1/auth/register",
                                "{\"email\":\"a@b.test\",\"password\":\"" + Api.PASSWORD
                                        + "\",\"displayName\":\"X\",\"admin\":true}"),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("admin");
        expectProblem(
                        anonymous.post("/api/v1/auth/login", "{\"email\":[1,2],\"password\":\"x\"}"),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("email");
        expectProblem(anonymous.post("/api/v1/auth/login", null), 400, "/problems/malformed-request");
    }

    @Test
    void unknownRoutesAre404Problems() {
        expectProblem(web.get().uri("/no/such/page.txt").exchange(), 404, "/problems/not-found");
        Api.Caller user = api().newUser("Route");
        expectProblem(user.get("/api/v1/no-such-thing"), 404, "/problems/not-found");
    }
}
