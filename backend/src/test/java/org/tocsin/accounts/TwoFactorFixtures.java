package org.tocsin.accounts;

import java.time.Instant;
import java.util.Map;
import org.tocsin.support.Api;

/** Turns two-factor sign-in on for a caller, as a person would with an authenticator app. */
public final class TwoFactorFixtures {

    private TwoFactorFixtures() {}

    /** Enrols {@code caller}; answers the TOTP secret (base32). */
    public static String enrol(Api.Caller caller) {
        String secret = caller.post("/api/v1/me/two-factor/setup", null)
                .expectStatus()
                .isOk()
                .expectBody(tools.jackson.databind.JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("secret")
                .asString();
        caller.post(
                        "/api/v1/me/two-factor/confirm",
                        Map.of("code", Totp.code(Totp.fromBase32(secret), Totp.step(Instant.now()))))
                .expectStatus()
                .isOk();
        return secret;
    }
}
