package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.accounts.internal.PasskeyStore;
import org.tocsin.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Passkeys as a second factor, with a software authenticator in place of a phone: added with the password,
 * signing in after it, and every answer that was not made by this account's device, for this site, for this
 * sign-in, and once, refused alike. Mails announce each change; the export lists names and days only.
 */
class PasskeyTest extends AccountMailContext {

    @Autowired
    PasskeyStore store;

    @Test
    void addAPasskeyThenSignInWithPasswordAndPasskey() {
        String email = email();
        Api.Caller ana = api().newUser("Ana", email);
        SoftAuthenticator phone = new SoftAuthenticator();
        assertThat(list(ana)).isEmpty();

        expectProblem(
                ana.post("/api/v1/me/passkeys/options", Map.of("password", "not the password at all")),
                400,
                "/problems/validation");
        JsonNode options = PasskeyFixtures.registrationOptions(ana);
        assertThat(options.get("rp").get("id").asString()).isEqualTo("localhost");
        assertThat(options.get("attestation").asString()).isEqualTo("none");
        assertThat(options.get("authenticatorSelection").get("residentKey").asString())
                .isEqualTo("preferred");
        assertThat(options.get("challenge").asString()).matches("[A-Za-z0-9_-]{43}");
        assertThat(options.get("user").get("id").asString())
                .matches("[A-Za-z0-9_-]{43}")
                .doesNotContain(email);
        assertThat(options.toString()).doesNotContain(email);
        assertThat(options.get("excludeCredentials")).isEmpty();

        JsonNode added =
                body(ana.post("/api/v1/me/passkeys", Map.of("name", "Phone", "credential", phone.create(options)))
                        .expectStatus()
                        .isCreated());
        assertThat(added.get("name").asString()).isEqualTo("Phone");
        assertThat(added.get("createdOn").asString()).isEqualTo(today());
        assertThat(added.has("publicKey")).isFalse();
        Mail mail = awaitMail(email, "Tocsin: A passkey was added / گذرکلیدی افزوده شد");
        assertThat(mail.text())
                .contains("named:", "Phone", "If this was not you", "گذرکلیدی با این نام", "اگر این کار شما نبود");

        // The same device cannot be added twice: it is excluded, and refused if sent anyway.
        JsonNode again = PasskeyFixtures.registrationOptions(ana);
        assertThat(again.get("excludeCredentials").get(0).get("id").asString()).isEqualTo(phone.credentialId());
        assertThat(again.get("user").get("id").asString())
                .isEqualTo(options.get("user").get("id").asString());
        expectProblem(
                ana.post("/api/v1/me/passkeys", Map.of("name", "Phone again", "credential", phone.create(again))),
                409,
                "/problems/conflict");

        // A right password is now half a sign-in, and says a passkey finishes it.
        JsonNode half = login(email);
        assertThat(half.get("methods").toString()).isEqualTo("[\"passkey\"]");
        String challenge = half.get("challenge").asString();
        JsonNode get = signInOptions(challenge);
        assertThat(get.get("rpId").asString()).isEqualTo("localhost");
        assertThat(get.get("allowCredentials").get(0).get("id").asString()).isEqualTo(phone.credentialId());
        EntityExchangeResult<JsonNode> signedIn = passkeySignIn(challenge, phone.get(get), 200);
        assertThat(signedIn.getResponseCookies().getFirst("__Host-tocsin-session"))
                .isNotNull();
        assertThat(signedIn.getResponseBody().get("id").asString()).isEqualTo(ana.userId());
        assertThat(list(ana).get(0).get("lastUsedOn").asString()).isEqualTo(today());
        // The sign-in is over: the same answer does not open another session.
        passkeySignIn(
                challenge,
                phone.get(get, SoftAuthenticator.ORIGIN, get.get("challenge").asString(), 99),
                401);
    }

    @Test
    void answersNotMadeByThisDeviceForThisSiteAndThisSignInOnceAreRefused() {
        String email = email();
        Api.Caller bo = api().newUser("Bo", email);
        SoftAuthenticator phone = new SoftAuthenticator();
        PasskeyFixtures.enrol(bo, phone, "Phone");
        SoftAuthenticator strangers = new SoftAuthenticator();
        PasskeyFixtures.enrol(api().newUser("Stranger", email()), strangers, "Theirs");

        // A phishing page on another address: the device signs for that origin, which is not this site.
        String challenge = login(email).get("challenge").asString();
        JsonNode get = signInOptions(challenge);
        passkeySignIn(
                challenge,
                phone.get(
                        get, "https://tocsin.example.net", get.get("challenge").asString(), phone.signCount() + 1),
                401);
        // An answer to another challenge (an old one, or one the attacker made up).
        get = signInOptions(challenge);
        passkeySignIn(
                challenge,
                phone.get(
                        get,
                        SoftAuthenticator.ORIGIN,
                        "AAAA" + get.get("challenge").asString().substring(4),
                        phone.signCount() + 1),
                401);

        // Another account's passkey, however well made, does not finish this account's sign-in.
        challenge = login(email).get("challenge").asString();
        get = signInOptions(challenge);
        passkeySignIn(challenge, strangers.get(get), 401);

        // The device itself signs in (its counter moves to 1).
        challenge = login(email).get("challenge").asString();
        Map<String, Object> used = phone.get(signInOptions(challenge));
        passkeySignIn(challenge, used, 200);

        // A replayed answer: made for an earlier sign-in, sent to a new one.
        challenge = login(email).get("challenge").asString();
        signInOptions(challenge);
        passkeySignIn(challenge, used, 401);

        // A counter that did not move on: a cloned device.
        challenge = login(email).get("challenge").asString();
        get = signInOptions(challenge);
        passkeySignIn(
                challenge,
                phone.get(get, SoftAuthenticator.ORIGIN, get.get("challenge").asString(), 1),
                401);

        // The device, answering this sign-in, still signs in after all that.
        challenge = login(email).get("challenge").asString();
        passkeySignIn(challenge, phone.get(signInOptions(challenge)), 200);
    }

    @Test
    void malformedAnswersAreBadRequestsAndChangeNothing() {
        String email = email();
        Api.Caller cy = api().newUser("Cy", email);
        SoftAuthenticator phone = new SoftAuthenticator();
        // No request asked for: nothing to answer.
        JsonNode unasked = PasskeyFixtures.registrationOptions(cy);
        Map<String, Object> credential = phone.create(unasked);
        @SuppressWarnings("unchecked")
        Map<String, Object> response = new java.util.LinkedHashMap<>((Map<String, Object>) credential.get("response"));
        response.put("attestationObject", "not*base64url!");
        Map<String, Object> broken = new java.util.LinkedHashMap<>(credential);
        broken.put("response", response);
        expectProblem(
                        cy.post("/api/v1/me/passkeys", Map.of("name", "Phone", "credential", broken)),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("credential.response.attestationObject");
        expectProblem(
                cy.post("/api/v1/me/passkeys", Map.of("name", "x".repeat(61), "credential", credential)),
                400,
                "/problems/validation");
        // A wrong answer spends the request: the right one must be asked for again.
        Map<String, Object> elsewhere = phone.create(unasked, "https://tocsin.example.net");
        expectProblem(
                cy.post("/api/v1/me/passkeys", Map.of("name", "Phone", "credential", elsewhere)),
                400,
                "/problems/bad-second-factor");
        expectProblem(
                cy.post("/api/v1/me/passkeys", Map.of("name", "Phone", "credential", credential)),
                400,
                "/problems/bad-second-factor");
        assertThat(list(cy)).isEmpty();
        // In Persian, like every problem.
        JsonNode persian = body(web.post()
                .uri("/api/v1/auth/login/passkey")
                .header("Accept-Language", "fa")
                .header("X-Forwarded-For", clientAddress)
                .header("X-XSRF-TOKEN", "pk-test-csrf")
                .cookie("XSRF-TOKEN", "pk-test-csrf")
                .bodyValue(Map.of("challenge", "made-up", "credential", broken))
                .exchange()
                .expectStatus()
                .isBadRequest());
        assertThat(persian.get("title").asString()).isEqualTo("درخواست نادرست");
        assertThat(persian.get("detail").asString()).contains("base64url نیست");
        JsonNode refused = body(web.post()
                .uri("/api/v1/auth/login/passkey/options")
                .header("Accept-Language", "fa")
                .header("X-Forwarded-For", clientAddress)
                .header("X-XSRF-TOKEN", "pk-test-csrf")
                .cookie("XSRF-TOKEN", "pk-test-csrf")
                .bodyValue(Map.of("challenge", "made-up"))
                .exchange()
                .expectStatus()
                .isUnauthorized());
        assertThat(refused.get("title").asString()).isEqualTo("ورود ناموفق بود");
        assertThat(refused.get("detail").asString())
                .isEqualTo("پاسخ گذرکلید برای این ورود نیست، یا ورود بیش از اندازه طول کشید");

        // Signing in with nonsense is refused before anything is counted.
        PasskeyFixtures.enrol(cy, phone, "Phone");
        String challenge = login(email).get("challenge").asString();
        Map<String, Object> answer = phone.get(signInOptions(challenge));
        @SuppressWarnings("unchecked")
        Map<String, Object> signed = new java.util.LinkedHashMap<>((Map<String, Object>) answer.get("response"));
        signed.put("signature", "%%%");
        Map<String, Object> nonsense = new java.util.LinkedHashMap<>(answer);
        nonsense.put("response", signed);
        expectProblem(
                        api().anonymous()
                                .post(
                                        "/api/v1/auth/login/passkey",
                                        Map.of("challenge", challenge, "credential", nonsense)),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("credential.response.signature");
        Map<String, Object> notAPasskey = new java.util.LinkedHashMap<>(answer);
        notAPasskey.put("type", "password");
        expectProblem(
                        api().anonymous()
                                .post(
                                        "/api/v1/auth/login/passkey",
                                        Map.of("challenge", challenge, "credential", notAPasskey)),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("credential.type");
        // A made-up sign-in challenge answers like any failure.
        passkeySignIn("made-up", answer, 401);
        expectProblem(
                api().anonymous().post("/api/v1/auth/login/passkey/options", Map.of("challenge", "made-up")),
                401,
                "/problems/bad-second-factor");
        passkeySignIn(challenge, answer, 200);
    }

    @Test
    void removingOneNeedsThePasswordAndIsAnnounced() {
        String email = email();
        Api.Caller di = api().newUser("Di", email);
        SoftAuthenticator laptop = new SoftAuthenticator();
        JsonNode added = PasskeyFixtures.enrol(di, laptop, "Laptop");
        String path = "/api/v1/me/passkeys/" + added.get("id").asString();
        expectProblem(
                di.request(HttpMethod.DELETE, path, Map.of("password", "not the password at all")),
                400,
                "/problems/validation");
        expectProblem(
                di.request(
                        HttpMethod.DELETE,
                        "/api/v1/me/passkeys/unknown",
                        Map.of("password", Api.PASSWORD, "passkey", laptop.get(reconfirmOptions(di)))),
                404,
                "/problems/not-found");
        assertThat(list(di)).hasSize(1);
        // The password alone does not remove the account's second factor: the passkey answers too.
        expectProblem(
                di.request(HttpMethod.DELETE, path, Map.of("password", Api.PASSWORD)), 400, "/problems/validation");
        assertThat(list(di)).hasSize(1);
        di.request(
                        HttpMethod.DELETE,
                        path,
                        Map.of("password", Api.PASSWORD, "passkey", laptop.get(reconfirmOptions(di))))
                .expectStatus()
                .isNoContent();
        assertThat(awaitMail(email, "Tocsin: A passkey was removed / گذرکلیدی برداشته شد")
                        .text())
                .contains("Laptop", "can no longer be used", "برداشته شد");
        assertThat(list(di)).isEmpty();
        // Without it, the password alone signs in again.
        api().signIn(email, Api.PASSWORD);
    }

    @Test
    void theExportListsNamesAndDaysAndSignOutEverywhereKeepsThemAndDeletionRemovesThem() {
        String email = email();
        Api.Caller ed = api().newUser("Ed", email);
        SoftAuthenticator phone = new SoftAuthenticator();
        PasskeyFixtures.enrol(ed, phone, "Phone");
        JsonNode export = body(ed.get("/api/v1/me/export").expectStatus().isOk());
        assertThat(export.get("passkeys")).hasSize(1);
        assertThat(export.get("passkeys").get(0).get("name").asString()).isEqualTo("Phone");
        assertThat(export.get("passkeys").get(0).get("createdOn").asString()).isEqualTo(today());
        assertThat(export.toString()).doesNotContain(phone.credentialId());
        assertThat(export.get("passkeys").get(0).has("publicKey")).isFalse();

        // Signing out everywhere ends sessions; the passkey is a device the person holds, and stays.
        ed.post("/api/v1/me/sign-out-everywhere", null).expectStatus().isOk();
        assertThat(store.of(ed.userId()).collectList().block()).hasSize(1);
        String challenge = login(email).get("challenge").asString();
        Api.Caller again = ed.withSession(passkeySignIn(challenge, phone.get(signInOptions(challenge)), 200)
                .getResponseCookies()
                .getFirst("__Host-tocsin-session")
                .getValue());
        assertThat(list(again)).hasSize(1);

        // Deleting the account removes them with it.
        again.request(
                        HttpMethod.DELETE,
                        "/api/v1/me",
                        Map.of("password", Api.PASSWORD, "passkey", phone.get(reconfirmOptions(again))))
                .expectStatus()
                .isNoContent();
        assertThat(store.of(ed.userId()).collectList().block()).isEmpty();
    }

    private List<JsonNode> list(Api.Caller caller) {
        List<JsonNode> out = new ArrayList<>();
        body(caller.get("/api/v1/me/passkeys").expectStatus().isOk()).forEach(out::add);
        return out;
    }

    private static JsonNode reconfirmOptions(Api.Caller caller) {
        return body(caller.post("/api/v1/me/reconfirm/passkey-options", null)
                .expectStatus()
                .isOk());
    }

    private JsonNode login(String email) {
        return body(api().anonymous()
                .post("/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD))
                .expectStatus()
                .isAccepted());
    }

    private JsonNode signInOptions(String challenge) {
        return body(api().anonymous()
                .post("/api/v1/auth/login/passkey/options", Map.of("challenge", challenge))
                .expectStatus()
                .isOk());
    }

    private EntityExchangeResult<JsonNode> passkeySignIn(String challenge, Map<String, Object> credential, int status) {
        return api().anonymous()
                .post("/api/v1/auth/login/passkey", Map.of("challenge", challenge, "credential", credential))
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String email() {
        return "pk-" + UUID.randomUUID() + "@tocsin.test";
    }
}
