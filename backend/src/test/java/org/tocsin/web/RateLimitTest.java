package org.tocsin.web;

import java.nio.file.Path;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

/**
 * The abuse limits, switched on with small capacities in a context of their own (the shared test
 * context runs with them off). Each test sends from its own client address, set the way a trusted
 * reverse proxy sets it ({@code X-Forwarded-For} with {@code forward-headers-strategy=native}), so
 * the tests do not drain each other's buckets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tocsin.rate-limits.enabled=true",
        "tocsin.rate-limits.limits.login-per-account.capacity=3",
        "tocsin.rate-limits.limits.login-per-account.period=15m",
        "tocsin.rate-limits.limits.login-per-address.capacity=20",
        "tocsin.rate-limits.limits.login-per-address.period=5m",
        "tocsin.rate-limits.limits.register-per-address.capacity=2",
        "tocsin.rate-limits.limits.register-per-address.period=1h",
        "tocsin.rate-limits.limits.invitation-accept-per-address.capacity=2",
        "tocsin.rate-limits.limits.invitation-accept-per-address.period=10m",
        "server.forward-headers-strategy=native"})
// 30 s, not 5 s: on two shared cores under load, a sign-up (bcrypt) can take several seconds.
@AutoConfigureWebTestClient(timeout = "PT30S")
class RateLimitTest {

    /** Not a @TempDir: the cached context outlives this class and still has the file open. */
    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-rate-limit-test-");

    @Autowired
    WebTestClient web;

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
            api.anonymous().post("/api/v1/auth/login", Map.of("email", target, "password", Api.PASSWORD))
                    .expectStatus().isOk();
        }

        var refused = api.anonymous().post("/api/v1/auth/login", Map.of("email", target, "password", Api.PASSWORD));
        expectProblem(refused, 429, "/problems/rate-limited");
        refused.expectHeader().value(HttpHeaders.RETRY_AFTER, seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 15 * 60L));
        // The same account spelled differently is the same bucket.
        expectProblem(api.anonymous().post("/api/v1/auth/login",
                Map.of("email", target.toUpperCase(), "password", Api.PASSWORD)), 429, "/problems/rate-limited");

        api.anonymous().post("/api/v1/auth/login", Map.of("email", other, "password", Api.PASSWORD))
                .expectStatus().isOk();
    }

    @Test
    void wrongPasswordsCountTowardsTheAccountLimit() {
        Api api = from("198.51.100.11");
        String target = register(api);
        for (int attempt = 1; attempt <= 3; attempt++) {
            expectProblem(api.anonymous().post("/api/v1/auth/login",
                    Map.of("email", target, "password", "guess number " + attempt)), 401, "/problems/bad-credentials");
        }
        // Even the right password now waits: otherwise the limit would tell a guesser when they were right.
        expectProblem(api.anonymous().post("/api/v1/auth/login", Map.of("email", target, "password", Api.PASSWORD)),
                429, "/problems/rate-limited");
    }

    @Test
    void registrationIsLimitedPerAddress() {
        Api busy = from("198.51.100.20");
        register(busy);
        register(busy);
        var refused = busy.anonymous().post("/api/v1/auth/register", newAccount());
        expectProblem(refused, 429, "/problems/rate-limited");
        refused.expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isPositive());

        register(from("198.51.100.21"));
    }

    @Test
    void acceptingInvitationsIsLimitedPerAddress() {
        Api.Caller owner = from("198.51.100.30").signIn(register(from("198.51.100.30")), Api.PASSWORD);
        String slug = owner.post("/api/v1/organizations", Map.of("name", "Limited " + UUID.randomUUID()))
                .expectStatus().isCreated().expectBody(tools.jackson.databind.JsonNode.class).returnResult()
                .getResponseBody().get("slug").asString();
        String url = owner.post("/api/v1/organizations/" + slug + "/invitations", Map.of("role", "MEMBER", "maxUses", 5))
                .expectStatus().isCreated().expectBody(tools.jackson.databind.JsonNode.class).returnResult()
                .getResponseBody().get("url").asString();
        String accept = "/api/v1/invitations/" + url.substring(url.lastIndexOf('/') + 1) + "/accept";
        Api shared = from("198.51.100.31");
        String first = register(from("198.51.100.32"));
        String second = register(from("198.51.100.32"));
        String third = register(from("198.51.100.33"));
        shared.signIn(first, Api.PASSWORD).post(accept, Map.of()).expectStatus().isOk();
        shared.signIn(second, Api.PASSWORD).post(accept, Map.of()).expectStatus().isOk();
        expectProblem(shared.signIn(third, Api.PASSWORD).post(accept, Map.of()), 429, "/problems/rate-limited");
        from("198.51.100.34").signIn(third, Api.PASSWORD).post(accept, Map.of()).expectStatus().isOk();
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
        return Map.of("email", "limit-" + UUID.randomUUID() + "@tocsin.test", "password", Api.PASSWORD,
                "displayName", "Lim");
    }
}
