package org.tocsin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application on a random port, over HTTP, on the embedded MongoDB wire-protocol server
 * (a fresh data directory per test run). Set {@code TOCSIN_TEST_MONGODB_URI} to run the same suite
 * against a real MongoDB instead. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// 30 s, not 5 s: on two shared cores under load, a sign-up (bcrypt) can take several seconds.
@AutoConfigureWebTestClient(timeout = "PT30S")
public abstract class IntegrationTest {

    public static final String ADMIN_EMAIL = "admin@tocsin.test";
    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-test-");

    protected WebTestClient web;

    /** Generous: bcrypt on two shared cores can be slow, and a timeout is not what these tests are about. */
    @Autowired
    void webTestClient(WebTestClient client) {
        this.web = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.register(registry, DATA_DIR, null);
        // Rate limits have their own test with their own context; here they would trip over the many sign-ups.
        registry.add("tocsin.rate-limits.enabled", () -> "false");
        registry.add("tocsin.admins", () -> ADMIN_EMAIL);
        // Nearly every test here signs someone up and makes them an organizer; verifying each address by mail
        // would only slow them down. Verification, with this on as in production, is tested in the mail
        // context (accounts.EmailVerificationTest), which also reads the links.
        registry.add("tocsin.accounts.require-verified-email", () -> "false");
        // Partners' calendars and webhook receivers in tests are servers on loopback (never allowed in production).
        registry.add("tocsin.outbound.allow-loopback", () -> "true");
    }

    protected Api api() {
        return new Api(web);
    }

    /**
     * The platform admin ({@link #ADMIN_EMAIL}), signed in: registered by whichever test asks first, since all
     * subclasses share one application.
     */
    protected Api.Caller platformAdmin() {
        api().anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("email", ADMIN_EMAIL, "password", Api.PASSWORD, "displayName", "Admin"))
                .expectStatus()
                .value(status -> assertThat(status).isIn(201, 409));
        return api().signIn(ADMIN_EMAIL, Api.PASSWORD);
    }
}
