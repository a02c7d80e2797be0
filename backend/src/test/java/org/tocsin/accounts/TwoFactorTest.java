package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Two-factor sign-in as a person and an attacker see it: enrolment confirmed by a code computed here
 * from the secret shown, sign-in in two steps, wrong and replayed codes refused, recovery codes good
 * once, mails for each change, and the limit on guessing codes.
 */
class TwoFactorTest extends AccountMailContext {

    @Test
    void enrolSignInWithACodeAndNeverTheSameCodeTwice() {
        String email = email();
        Api.Caller ana = api().newUser("Ana", email);
        JsonNode setup = body(
                ana.post("/api/v1/me/two-factor/setup", null).expectStatus().isOk());
        String secret = setup.get("secret").asString();
        assertThat(setup.get("otpauthUri").asString())
                .startsWith("otpauth://totp/Tocsin%3A")
                .contains("secret=" + secret, "issuer=Tocsin");
        assertThat(setup.get("qrCodeSvg").asString()).startsWith("<svg").contains("<path d=\"M");
        byte[] key = Totp.fromBase32(secret);

        // Not on until confirmed: sign-in is still one step.
        api().signIn(email, Api.PASSWORD);
        expectProblem(
                ana.post("/api/v1/me/two-factor/confirm", Map.of("code", wrong(key))),
                400,
                "/problems/bad-second-factor");

        long step = Totp.step(Instant.now());
        JsonNode confirmed = body(ana.post("/api/v1/me/two-factor/confirm", Map.of("code", Totp.code(key, step)))
                .expectStatus()
                .isOk());
        List<String> recovery = new ArrayList<>();
        confirmed.get("recoveryCodes").forEach(c -> recovery.add(c.asString()));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        awaitMail(email, "Tocsin: Two-factor sign-in is on");
        ana.get("/api/v1/me/two-factor")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.enabled")
                .isEqualTo(true)
                .jsonPath("$.recoveryCodesLeft")
                .isEqualTo(10)
                .jsonPath("$.secret")
                .doesNotExist();
        // The secret is never shown again: a new setup is refused while it is on.
        expectProblem(ana.post("/api/v1/me/two-factor/setup", null), 409, "/problems/conflict");

        // Password right: no session yet, only a challenge.
        String challenge = challenge(email);
        // The code used to confirm is spent; so is any wrong code.
        secondFactor(challenge, Totp.code(key, step), 401);
        secondFactor(challenge, wrong(key), 401);
        // The next step's code (the app shows it in under 30 s) signs in.
        String next = Totp.code(key, step + 1);
        EntityExchangeResult<JsonNode> signedIn = secondFactor(challenge, next, 200);
        assertThat(signedIn.getResponseCookies().getFirst("__Host-tocsin-session"))
                .isNotNull();
        assertThat(signedIn.getResponseBody().get("id").asString()).isEqualTo(ana.userId());
        // The challenge is spent with it, and the code cannot be replayed on a new one.
        secondFactor(challenge, Totp.code(key, step + 1), 401);
        secondFactor(challenge(email), next, 401);
    }

    @Test
    void recoveryCodesWorkOnceAndAreAnnounced() {
        String email = email();
        Api.Caller bo = api().newUser("Bo", email);
        Enrolled enrolled = enrol(bo);

        String code = enrolled.recoveryCodes().get(3);
        secondFactor(challenge(email), code.toUpperCase().replace("-", " "), 200);
        Mail used = awaitMail(email, "Tocsin: A recovery code was used");
        assertThat(used.text()).contains("9 recovery code(s) are left");
        secondFactor(challenge(email), code, 401);
        bo.get("/api/v1/me/two-factor")
                .expectBody()
                .jsonPath("$.recoveryCodesLeft")
                .isEqualTo(9);

        // New codes replace the old ones.
        JsonNode renewed = body(bo.post(
                        "/api/v1/me/two-factor/recovery-codes",
                        Map.of("code", Totp.code(enrolled.key(), enrolled.step() + 1)))
                .expectStatus()
                .isOk());
        assertThat(renewed.get("recoveryCodes")).hasSize(10);
        secondFactor(challenge(email), enrolled.recoveryCodes().get(4), 401);
        secondFactor(challenge(email), renewed.get("recoveryCodes").get(0).asString(), 200);
    }

    @Test
    void turningItOffNeedsThePasswordAndACodeAndIsAnnounced() {
        String email = email();
        Api.Caller cy = api().newUser("Cy", email);
        Enrolled enrolled = enrol(cy);
        String code = Totp.code(enrolled.key(), enrolled.step() + 1);
        expectProblem(
                cy.post("/api/v1/me/two-factor/disable", Map.of("password", "not the password at all", "code", code)),
                400,
                "/problems/validation");
        expectProblem(
                cy.post("/api/v1/me/two-factor/disable", Map.of("password", Api.PASSWORD, "code", "000000")),
                400,
                "/problems/bad-second-factor");
        cy.post("/api/v1/me/two-factor/disable", Map.of("password", Api.PASSWORD, "code", code))
                .expectStatus()
                .isNoContent();
        awaitMail(email, "Tocsin: Two-factor sign-in is off");
        api().signIn(email, Api.PASSWORD);
    }

    @Test
    void aWrongPasswordSaysNothingAboutTheSecondFactor() {
        String email = email();
        enrol(api().newUser("Di", email));
        expectProblem(
                        api().anonymous()
                                .post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password!")),
                        401,
                        "/problems/bad-credentials")
                .jsonPath("$.challenge")
                .doesNotExist();
        // A made-up challenge answers like a wrong code.
        secondFactor("made-up", "123456", 401);
    }

    @Test
    void guessingCodesIsLimitedPerAccount() {
        String email = email();
        Enrolled enrolled = enrol(api().newUser("Ed", email));
        int refused = 0;
        int limited = 0;
        for (int i = 0; i < 4; i++) {
            String challenge = challenge(email);
            for (int j = 0; j < TwoFactor.CHALLENGE_ATTEMPTS; j++) {
                int status = api().anonymous()
                        .post(
                                "/api/v1/auth/login/second-factor",
                                Map.of("challenge", challenge, "code", wrong(enrolled.key())))
                        .returnResult(String.class)
                        .getStatus()
                        .value();
                if (status == 429) {
                    limited++;
                } else {
                    assertThat(status).isEqualTo(401);
                    refused++;
                }
            }
        }
        // Ten tries per account in fifteen minutes (the enrolment's confirmation was one), whatever the challenges.
        assertThat(refused).isEqualTo(9);
        assertThat(limited).isEqualTo(11);
    }

    record Enrolled(byte[] key, long step, List<String> recoveryCodes) {}

    private Enrolled enrol(Api.Caller caller) {
        String secret = body(caller.post("/api/v1/me/two-factor/setup", null)
                        .expectStatus()
                        .isOk())
                .get("secret")
                .asString();
        byte[] key = Totp.fromBase32(secret);
        long step = Totp.step(Instant.now());
        JsonNode confirmed = body(caller.post("/api/v1/me/two-factor/confirm", Map.of("code", Totp.code(key, step)))
                .expectStatus()
                .isOk());
        List<String> codes = new ArrayList<>();
        confirmed.get("recoveryCodes").forEach(c -> codes.add(c.asString()));
        return new Enrolled(key, step, codes);
    }

    private String challenge(String email) {
        JsonNode answer = body(api().anonymous()
                .post("/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD))
                .expectStatus()
                .isAccepted());
        assertThat(answer.get("secondFactorRequired").asBoolean()).isTrue();
        assertThat(answer.has("id")).isFalse();
        return answer.get("challenge").asString();
    }

    private EntityExchangeResult<JsonNode> secondFactor(String challenge, String code, int status) {
        return api().anonymous()
                .post("/api/v1/auth/login/second-factor", Map.of("challenge", challenge, "code", code))
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult();
    }

    /** A code that is none of the window's: valid-looking, wrong. */
    private static String wrong(byte[] key) {
        long now = Totp.step(Instant.now());
        for (int n = 0; ; n++) {
            String candidate = String.format("%06d", n);
            boolean current = false;
            for (long s = now - 2; s <= now + 2; s++) {
                current |= Totp.code(key, s).equals(candidate);
            }
            if (!current) {
                return candidate;
            }
        }
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String email() {
        return "tf-" + UUID.randomUUID() + "@tocsin.test";
    }
}
