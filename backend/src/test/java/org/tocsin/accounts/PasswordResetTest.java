package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;

/**
 * Password reset as the mailbox's owner and a stranger see it: the link read from the mail works once,
 * signs every device out, and the answer to asking is the same for an address without an account.
 */
class PasswordResetTest extends AccountMailContext {

    private static final Pattern LINK = Pattern.compile("/reset-password#token=(tpr_[A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "a brand new long passphrase";

    @Test
    void theMailedLinkSetsANewPasswordOnceAndSignsEveryDeviceOut() {
        String email = "reset-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller old = api().newUser("Ana", email);
        String known = requestReset(email);
        String unknown = requestReset("nobody-" + UUID.randomUUID() + "@tocsin.test");
        assertThat(known).isEqualTo(unknown);

        String token = token(awaitMail(email, "Tocsin: reset your password").text());
        // A weak password is refused and does not spend the link.
        expectProblem(
                api().anonymous()
                        .post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "short")),
                400,
                "/problems/validation");
        api().anonymous()
                .post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD))
                .expectStatus()
                .isNoContent();
        expectProblem(old.get("/api/v1/me"), 401, "/problems/unauthenticated");
        api().signIn(email, NEW_PASSWORD);
        expectProblem(
                api().anonymous()
                        .post(
                                "/api/v1/auth/password-reset/confirm",
                                Map.of("token", token, "newPassword", "yet another long passphrase")),
                400,
                "/problems/validation");
        expectProblem(
                api().anonymous()
                        .post(
                                "/api/v1/auth/password-reset/confirm",
                                Map.of("token", "tpr_made-up", "newPassword", "yet another long passphrase")),
                400,
                "/problems/validation");
    }

    @Test
    void askingIsLimitedPerTargetAddress() {
        String email = "flooded-" + UUID.randomUUID() + "@tocsin.test";
        for (int i = 0; i < 3; i++) {
            requestReset(email);
        }
        expectProblem(
                api().anonymous().post("/api/v1/auth/password-reset", Map.of("email", email)),
                429,
                "/problems/rate-limited");
    }

    private String requestReset(String email) {
        return api().anonymous()
                .post("/api/v1/auth/password-reset", Map.of("email", email))
                .expectStatus()
                .isAccepted()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static String token(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a reset link in: " + text).isTrue();
        return m.group(1);
    }
}
