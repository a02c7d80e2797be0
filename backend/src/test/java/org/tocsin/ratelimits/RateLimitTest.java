package org.tocsin.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.support.Api;
import org.tocsin.support.TestStorage;

/**
 * The abuse limits, switched on with small capacities in a context of their own (the shared test
 * context runs with them off). Each test sends from its own client address, set the way a trusted
 * reverse proxy sets it ({@code X-Forwarded-For} with {@code forward-headers-strategy=native}), so
 * the tests do not drain each other's buckets.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tocsin.rate-limits.enabled=true",
            // Its organizers are about limits, not sign-up (verification has its own test).
            "tocsin.accounts.require-verified-email=false",
            "tocsin.rate-limits.limits.login-per-account.capacity=3",
            "tocsin.rate-limits.limits.login-per-account.period=15m",
            "tocsin.rate-limits.limits.login-per-account-and-address.capacity=3",
            "tocsin.rate-limits.limits.login-per-account-and-address.period=15m",
            "tocsin.rate-limits.limits.login-per-address.capacity=20",
            // An hour, not five minutes: 20 per 5 min refills a token every 15 s, and 25 sign-ins take longer than that
            // on two loaded cores, which made the count of refusals vary.
            "tocsin.rate-limits.limits.login-per-address.period=1h",
            "tocsin.rate-limits.limits.register-per-address.capacity=2",
            "tocsin.rate-limits.limits.register-per-address.period=1h",
            "tocsin.rate-limits.limits.invitation-accept-per-address.capacity=2",
            "tocsin.rate-limits.limits.invitation-accept-per-address.period=10m",
            "tocsin.rate-limits.limits.places-per-address.capacity=3",
            "tocsin.rate-limits.limits.places-per-address.period=10m",
            "server.forward-headers-strategy=native"
        })
// 30 s, not 5 s: on two shared cores under load, a sign-up (bcrypt) can take several seconds.
@AutoConfigureWebTestClient(timeout = "PT30S")
class RateLimitTest {

    /** Not a @TempDir: the cached context outlives this class and still has the file open. */
    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-rate-limit-test-");

    @Autowired
    WebTestClient web;

    @Autowired
    RateLimiter limiter;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.register(registry, DATA_DIR, null);
    }

    @Test
    void theFourthSignInToOneAccountIsRefusedWithRetryAfterButOtherAccountsAreNot() {
        Api api = from("198.51.100.10");
        String target = register(api);
        String other = register(api);
        for (int attempt = 1; attempt <= 3; attempt++) {
            api.anonymous()
                    .post("/api/v1/auth/login", Map.of("email", target, "password", Api.PASSWORD))
                    .expectStatus()
                    .isOk();
        }

        var refused = api.anonymous().post("/api/v1/auth/login", Map.of("email", target, "password", Api.PASSWORD));
        expectProblem(refused, 429, "/problems/rate-limited");
        refused.expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 15 * 60L));
        // The same account spelled differently is the same bucket.
        expectProblem(
                api.anonymous()
                        .post("/api/v1/auth/login", Map.of("email", target.toUpperCase(), "password", Api.PASSWORD)),
                429,
                "/problems/rate-limited");

        api.anonymous()
                .post("/api/v1/auth/login", Map.of("email", other, "password", Api.PASSWORD))
                .expectStatus()
                .isOk();
    }

    @Test
    void wrongPasswordsCountTowardsTheAccountLimit() {
        Api api = from("198.51.100.11");
        String target = register(api);
        for (int attempt = 1; attempt <= 3; attempt++) {
            expectProblem(
                    api.anonymous()
                            .post("/api/v1/auth/login", Map.of("email", target, "password", "guess number " + attempt)),
                    401,
                    "/problems/bad-credentials");
        }
        // Even the right password now waits: otherwise the limit would tell a guesser when they were right.
        expectProblem(
                api.anonymous().post("/api/v1/auth/login", Map.of("email", target, "password", Api.PASSWORD)),
                429,
                "/problems/rate-limited");
    }

    /**
     * Issue 10 #14: ten wrong passwords from anywhere used to lock the owner out, renewably. Now many
     * addresses guessing at one account drain only what they share (the account's bucket for addresses
     * that never signed in to it, and their own buckets), and the owner signs in from their own address.
     */
    @Test
    void guessingFromManyAddressesNeverLocksTheOwnerOutButLimitsTheGuessers() {
        String target = register(from("198.51.100.40"));
        Api home = from("198.51.100.41");
        home.signIn(target, Api.PASSWORD);

        int guesses = 0;
        int refused = 0;
        for (int address = 0; address < 8; address++) {
            Api attacker = from("192.0.2." + (10 + address));
            for (int attempt = 0; attempt < 4; attempt++) {
                int status = attacker.anonymous()
                        .post(
                                "/api/v1/auth/login",
                                Map.of("email", target, "password", "guess " + address + "-" + attempt))
                        .returnResult(String.class)
                        .getStatus()
                        .value();
                assertThat(status).isIn(401, 429);
                if (status == 401) {
                    guesses++;
                } else {
                    refused++;
                }
            }
        }
        // 32 attempts from 8 addresses: only what was left of the account's 3 shared attempts (the owner's
        // first sign-in at home, before home was known, took one) was tried; the rest waited.
        assertThat(guesses).isEqualTo(2);
        assertThat(refused).isEqualTo(30);
        // Even the right password waits at an attacker's address (the limit must not tell a right guess)...
        expectProblem(
                from("192.0.2.99")
                        .anonymous()
                        .post("/api/v1/auth/login", Map.of("email", target, "password", Api.PASSWORD)),
                429,
                "/problems/rate-limited");
        // ...while the owner, at home, signs in as usual, again and again.
        home.signIn(target, Api.PASSWORD);
        home.signIn(target, Api.PASSWORD);
    }

    /** One address guessing across many accounts is limited too (the per-address limit). */
    @Test
    void oneAddressGuessingAcrossAccountsIsLimited() {
        Api guesser = from("192.0.2.200");
        int refused = 0;
        for (int i = 0; i < 25; i++) {
            int status = guesser.anonymous()
                    .post("/api/v1/auth/login", Map.of("email", "nobody-" + i + "@tocsin.test", "password", "guess"))
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(5);
    }

    /** What a heap dump of the limiter shows: keyed hashes, no client address and no email. */
    @Test
    void theLimiterKeepsNoAddressOrEmailInMemory() {
        Api api = from("198.51.100.77");
        String target = register(api);
        api.signIn(target, Api.PASSWORD);
        assertThat(limiter.keys())
                .isNotEmpty()
                .noneMatch(k -> k.contains("198.51.100") || k.contains("@") || k.contains(target));
    }

    @Test
    void registrationIsLimitedPerAddress() {
        Api busy = from("198.51.100.20");
        register(busy);
        register(busy);
        var refused = busy.anonymous().post("/api/v1/auth/register", newAccount());
        expectProblem(refused, 429, "/problems/rate-limited");
        refused.expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());

        register(from("198.51.100.21"));
    }

    @Test
    void acceptingInvitationsIsLimitedPerAddress() {
        Api.Caller owner = from("198.51.100.30").signIn(register(from("198.51.100.30")), Api.PASSWORD);
        String slug = owner.post("/api/v1/organizations", Map.of("name", "Limited " + UUID.randomUUID()))
                .expectStatus()
                .isCreated()
                .expectBody(tools.jackson.databind.JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("slug")
                .asString();
        String url = owner.post(
                        "/api/v1/organizations/" + slug + "/invitations", Map.of("role", "MEMBER", "maxUses", 5))
                .expectStatus()
                .isCreated()
                .expectBody(tools.jackson.databind.JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("url")
                .asString();
        String accept = "/api/v1/invitations/" + url.substring(url.lastIndexOf('/') + 1) + "/accept";
        Api shared = from("198.51.100.31");
        String first = register(from("198.51.100.32"));
        String second = register(from("198.51.100.32"));
        String third = register(from("198.51.100.33"));
        shared.signIn(first, Api.PASSWORD).post(accept, Map.of()).expectStatus().isOk();
        shared.signIn(second, Api.PASSWORD)
                .post(accept, Map.of())
                .expectStatus()
                .isOk();
        expectProblem(shared.signIn(third, Api.PASSWORD).post(accept, Map.of()), 429, "/problems/rate-limited");
        from("198.51.100.34")
                .signIn(third, Api.PASSWORD)
                .post(accept, Map.of())
                .expectStatus()
                .isOk();
    }

    /** City suggestions need no account: a few per address, then 429; another address still asks. */
    @Test
    void citySuggestionsAreLimitedPerAddress() {
        Api typist = from("198.51.100.50");
        for (String typed : List.of("t", "te", "teh")) {
            typist.anonymous().get("/api/v1/places?q=" + typed).expectStatus().isOk();
        }
        var refused = typist.anonymous().get("/api/v1/places?q=tehr");
        expectProblem(refused, 429, "/problems/rate-limited");
        refused.expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        from("198.51.100.51")
                .anonymous()
                .get("/api/v1/places?q=tehr")
                .expectStatus()
                .isOk();
    }

    private Api from(String clientAddress) {
        return Api.from(web, clientAddress);
    }

    private static String register(Api api) {
        Map<String, String> account = newAccount();
        api.anonymous().post("/api/v1/auth/register", account).expectStatus().isCreated();
        return account.get("email");
    }

    private static Map<String, String> newAccount() {
        return Map.of(
                "email", "limit-" + UUID.randomUUID() + "@tocsin.test", "password", Api.PASSWORD, "displayName", "Lim");
    }
}
