package org.tocsin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.TocsinApplication;
import org.tocsin.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * What a user has must survive a normal restart of the one-command run: the account, a personal
 * API token and a browser session all live in the embedded database file, not in memory.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void accountTokenAndSessionSurviveARestart() {
        String email = "restart@tocsin.test";

        Api before = start();
        before.anonymous()
                .post("/api/v1/auth/register", Map.of("email", email, "password", Api.PASSWORD, "displayName", "Rae"))
                .expectStatus()
                .isCreated();
        Api.Caller browser = before.signIn(email, Api.PASSWORD);
        String token = browser.post("/api/v1/me/tokens", Map.of("name", "script"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .asString();
        running.close();
        assertThat(dataDir.resolve("tocsin.mv.db"))
                .as("the database file")
                .satisfies(f -> assertThat(Files.size(f)).isPositive());

        Api after = start();
        // Held back during start-up (EmbeddedStore): H2's housekeeping, which frees the space of rewritten pages.
        assertThat(running.getBean(EmbeddedStore.class).store().getAutoCommitDelay())
                .as("H2's background writer, once the app is ready")
                .isPositive();
        after.signIn(email, Api.PASSWORD)
                .get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(email);
        after.bearer(token)
                .get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(email);
        // The old session cookie, sent to the new process: sessions are rows in the database.
        after.anonymous()
                .withSession(browser.sessionCookie())
                .get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Rae");
    }

    private Api start() {
        running = new SpringApplicationBuilder(TocsinApplication.class)
                .run(
                        "--server.port=0",
                        "--tocsin.data-dir=" + dataDir,
                        "--tocsin.rate-limits.enabled=false",
                        // This test is about the embedded database file, even when the suite points elsewhere.
                        "--spring.mongodb.uri=");
        String port = running.getEnvironment().getRequiredProperty("local.server.port");
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        return Api.of(client);
    }
}
