package org.tocsin.accounts;

import java.util.Map;
import org.tocsin.support.Api;
import tools.jackson.databind.JsonNode;

/** Adds a passkey to a caller's account, as a person would with their phone. */
public final class PasskeyFixtures {

    private PasskeyFixtures() {}

    /** Asks for the options (with the password) and registers {@code device}'s answer as {@code name}. */
    public static JsonNode enrol(Api.Caller caller, SoftAuthenticator device, String name) {
        JsonNode options = registrationOptions(caller);
        return caller.post("/api/v1/me/passkeys", Map.of("name", name, "credential", device.create(options)))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    public static JsonNode registrationOptions(Api.Caller caller) {
        return caller.post("/api/v1/me/passkeys/options", Map.of("password", Api.PASSWORD))
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
