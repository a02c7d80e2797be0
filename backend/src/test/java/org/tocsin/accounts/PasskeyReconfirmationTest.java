package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.accounts.internal.PasskeyStore;
import org.tocsin.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * An account whose second factor is a passkey confirms, again, with it before what cannot be undone:
 * removing a passkey, deleting an organization, deleting itself. The password alone is refused and changes
 * nothing; an answer to this account's confirmation request, once, from one of its own passkeys, is needed.
 */
class PasskeyReconfirmationTest extends AccountMailContext {

    @Autowired
    PasskeyStore store;

    @Test
    void removingAPasskeyAsksForAPasskeyNotThePasswordAlone() {
        String email = email();
        Api.Caller di = api().newUser("Di", email);
        SoftAuthenticator phone = new SoftAuthenticator();
        String id = PasskeyFixtures.enrol(di, phone, "Phone").get("id").asString();
        SoftAuthenticator strangers = new SoftAuthenticator();
        PasskeyFixtures.enrol(api().newUser("Stranger", email()), strangers, "Theirs");
        String path = "/api/v1/me/passkeys/" + id;

        expectProblem(
                        di.request(HttpMethod.DELETE, path, Map.of("password", Api.PASSWORD)),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("passkey");
        assertThat(store.of(di.userId()).collectList().block()).hasSize(1);

        JsonNode options = options(di);
        assertThat(options.get("rpId").asString()).isEqualTo("localhost");
        assertThat(options.get("allowCredentials").get(0).get("id").asString()).isEqualTo(phone.credentialId());
        // Another account's passkey, however well made, does not answer for this one (and spends the request).
        expectProblem(remove(di, path, Api.PASSWORD, strangers.get(options)), 400, "/problems/bad-second-factor");
        expectProblem(remove(di, path, Api.PASSWORD, phone.get(options)), 400, "/problems/bad-second-factor");
        assertThat(store.of(di.userId()).collectList().block()).hasSize(1);

        // A wrong password is refused before the answer is looked at; the answer still works after.
        Map<String, Object> answer = phone.get(options(di));
        expectProblem(remove(di, path, "not the password at all", answer), 400, "/problems/validation");
        remove(di, path, Api.PASSWORD, answer).expectStatus().isNoContent();
        assertThat(store.of(di.userId()).collectList().block()).isEmpty();
        awaitMail(email, "Tocsin: A passkey was removed / گذرکلیدی برداشته شد");

        // Without a passkey there is nothing to ask for.
        expectProblem(di.post("/api/v1/me/reconfirm/passkey-options", null), 409, "/problems/conflict");
    }

    @Test
    void deletingAnOrganizationAsksForAPasskeyOnceEach() {
        String email = email();
        Api.Caller owner = api().newUser("Owner", email);
        verifyByMail(api(), email);
        SoftAuthenticator phone = new SoftAuthenticator();
        PasskeyFixtures.enrol(owner, phone, "Phone");
        SoftAuthenticator strangers = new SoftAuthenticator();
        PasskeyFixtures.enrol(api().newUser("Stranger", email()), strangers, "Theirs");
        String first = organization(owner);
        String second = organization(owner);

        JsonNode preview = body(owner.get("/api/v1/organizations/" + first + "/deletion"));
        assertThat(preview.get("secondFactorRequired").asBoolean()).isTrue();
        assertThat(preview.get("secondFactorMethods").toString()).isEqualTo("[\"passkey\"]");

        expectProblem(deleteOrganization(owner, first, null), 400, "/problems/validation");
        expectProblem(
                owner.request(
                        HttpMethod.DELETE,
                        "/api/v1/organizations/" + first,
                        Map.of("password", Api.PASSWORD, "code", "123456")),
                400,
                "/problems/validation");
        owner.get("/api/v1/organizations/" + first).expectStatus().isOk();

        expectProblem(
                deleteOrganization(owner, first, strangers.get(options(owner))), 400, "/problems/bad-second-factor");
        owner.get("/api/v1/organizations/" + first).expectStatus().isOk();

        Map<String, Object> answer = phone.get(options(owner));
        deleteOrganization(owner, first, answer).expectStatus().isNoContent();
        owner.get("/api/v1/organizations/" + first).expectStatus().isNotFound();

        // The same answer again: its request is spent, even with a new one open.
        expectProblem(deleteOrganization(owner, second, answer), 400, "/problems/bad-second-factor");
        options(owner);
        expectProblem(deleteOrganization(owner, second, answer), 400, "/problems/bad-second-factor");
        owner.get("/api/v1/organizations/" + second).expectStatus().isOk();

        deleteOrganization(owner, second, phone.get(options(owner)))
                .expectStatus()
                .isNoContent();
        owner.get("/api/v1/organizations/" + second).expectStatus().isNotFound();
    }

    @Test
    void aPasskeyOnlyAccountDeletesItselfOnlyWithItsPasskey() {
        String email = email();
        Api.Caller ed = api().newUser("Ed", email);
        SoftAuthenticator phone = new SoftAuthenticator();
        PasskeyFixtures.enrol(ed, phone, "Phone");
        JsonNode preview = body(ed.get("/api/v1/me/deletion"));
        assertThat(preview.get("secondFactorMethods").toString()).isEqualTo("[\"passkey\"]");

        expectProblem(
                        ed.request(HttpMethod.DELETE, "/api/v1/me", Map.of("password", Api.PASSWORD)),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("passkey");
        // An answer to an earlier request, replaced by a newer one, is stale.
        Map<String, Object> stale = phone.get(options(ed));
        options(ed);
        expectProblem(deleteAccount(ed, stale), 400, "/problems/bad-second-factor");
        ed.get("/api/v1/me").expectStatus().isOk();
        assertThat(store.of(ed.userId()).collectList().block()).hasSize(1);

        deleteAccount(ed, phone.get(options(ed))).expectStatus().isNoContent();
        assertThat(store.of(ed.userId()).collectList().block()).isEmpty();
        api().anonymous()
                .post("/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD))
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void anAccountWithAnAppAndAPasskeyGivesEitherTheCodeOrThePasskey() {
        Api.Caller fay = api().newUser("Fay", email());
        TwoFactorFixtures.enrol(fay);
        SoftAuthenticator phone = new SoftAuthenticator();
        String first = PasskeyFixtures.enrol(fay, phone, "Phone").get("id").asString();
        PasskeyFixtures.enrol(fay, new SoftAuthenticator(), "Key");
        assertThat(body(fay.get("/api/v1/me/deletion"))
                        .get("secondFactorMethods")
                        .toString())
                .isEqualTo("[\"code\",\"passkey\"]");

        expectProblem(
                        fay.request(
                                HttpMethod.DELETE, "/api/v1/me/passkeys/" + first, Map.of("password", Api.PASSWORD)),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("code");
        remove(fay, "/api/v1/me/passkeys/" + first, Api.PASSWORD, phone.get(options(fay)))
                .expectStatus()
                .isNoContent();
        assertThat(store.of(fay.userId()).collectList().block())
                .extracting(d -> d.name())
                .isEqualTo(List.of("Key"));
    }

    private static JsonNode options(Api.Caller caller) {
        return body(caller.post("/api/v1/me/reconfirm/passkey-options", null)
                .expectStatus()
                .isOk());
    }

    private static WebTestClient.ResponseSpec remove(
            Api.Caller caller, String path, String password, Map<String, Object> passkey) {
        return caller.request(HttpMethod.DELETE, path, Map.of("password", password, "passkey", passkey));
    }

    private static WebTestClient.ResponseSpec deleteAccount(Api.Caller caller, Map<String, Object> passkey) {
        return caller.request(HttpMethod.DELETE, "/api/v1/me", Map.of("password", Api.PASSWORD, "passkey", passkey));
    }

    private static WebTestClient.ResponseSpec deleteOrganization(
            Api.Caller caller, String slug, Map<String, Object> passkey) {
        Map<String, Object> request = new HashMap<>();
        request.put("password", Api.PASSWORD);
        if (passkey != null) {
            request.put("passkey", passkey);
        }
        return caller.request(HttpMethod.DELETE, "/api/v1/organizations/" + slug, request);
    }

    private static String organization(Api.Caller owner) {
        return body(owner.post("/api/v1/organizations", Map.of("name", "Vigils " + UUID.randomUUID())))
                .get("slug")
                .asString();
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String email() {
        return "pkr-" + UUID.randomUUID() + "@tocsin.test";
    }
}
