package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** An account holds at most ten passkeys; the eleventh is refused before a challenge is made, and changes nothing. */
class PasskeyLimitTest extends IntegrationTest {

    @Test
    void theEleventhPasskeyIsRefused() {
        Api.Caller fay = api().newUser("Fay");
        for (int i = 0; i < Passkeys.MAX_PER_ACCOUNT; i++) {
            PasskeyFixtures.enrol(fay, new SoftAuthenticator(), "Key " + i);
        }
        expectProblem(
                        fay.post("/api/v1/me/passkeys/options", Map.of("password", Api.PASSWORD)),
                        409,
                        "/problems/conflict")
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("at most 10 passkeys"));
        JsonNode list = fay.get("/api/v1/me/passkeys")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(list).hasSize(Passkeys.MAX_PER_ACCOUNT);
    }
}
