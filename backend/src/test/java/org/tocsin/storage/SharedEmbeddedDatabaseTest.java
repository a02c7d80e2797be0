package org.tocsin.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.TocsinApplication;
import org.tocsin.support.Api;
import org.tocsin.support.TestStorage;

/**
 * Replicas on one host without a MongoDB install: one database-only Tocsin process
 * ({@code --tocsin.database-only=true}) and two application contexts on it, as {@code infra/rehearsal/run.sh}
 * runs three. What one replica writes, the other's discovery lists within the poll bound; a session made on
 * one is valid on the other; a takedown on one hides the event on the other too.
 */
class SharedEmbeddedDatabaseTest {

    /** {@code tocsin.events.index-poll} is 1 s; the rest is one poll's time on two shared, busy cores. */
    static final Duration BOUND = Duration.ofSeconds(3);

    private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String ADMIN = "admin@replicas.test";

    @TempDir
    static Path temporary;

    private static ConfigurableApplicationContext database;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() throws Exception {
        Path secretFile = secretFile(temporary.resolve("secret"), "rw-------");
        database = DatabaseOnlyServer.run(
                "--tocsin.database-only=true",
                "--tocsin.database.port=0",
                "--tocsin.database.secret-file=" + secretFile,
                "--tocsin.data-dir=" + temporary.resolve("database"));
        int port = database.getBean(MongoServer.class).getLocalAddress().getPort();
        String uri = "mongodb://tocsin:" + SECRET + "@127.0.0.1:" + port + "/tocsin?authMechanism=PLAIN";
        first = replica(uri, "first");
        second = replica(uri, "second");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {second, first, database}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void anEditOnOneReplicaIsInTheOthersDiscoveryWithinTheBound() {
        Api.Caller owner = api(first).newUser("Owner", "owner@replicas.test");
        owner.post("/api/v1/organizations", Map.of("name", "Shared", "slug", "shared"))
                .expectStatus()
                .isCreated();
        String event = owner.createdId("/api/v1/events", vigil("shared", "Vigil zyqfirstword"));
        Api.Caller stranger = api(second).anonymous();
        await().atMost(BOUND).until(() -> discovered(stranger, "zyqfirstword").contains(event));

        owner.patch("/api/v1/events/" + event, Map.of("title", "Vigil zyqsecondword"))
                .expectStatus()
                .isOk();
        await().atMost(BOUND)
                .until(() -> discovered(stranger, "zyqsecondword").contains(event)
                        && !discovered(stranger, "zyqfirstword").contains(event));

        // A moderator's takedown on the second replica hides it on the first (its index and its takedowns).
        api(second)
                .newUser("Admin", ADMIN)
                .post("/api/v1/moderation/events/" + event + "/hide", Map.of())
                .expectStatus()
                .isOk();
        Api.Caller strangerOnFirst = api(first).anonymous();
        await().atMost(BOUND)
                .until(() -> !discovered(strangerOnFirst, "zyqsecondword").contains(event));
        strangerOnFirst.get("/api/v1/events/" + event).expectStatus().isNotFound();
    }

    @Test
    void aSessionMadeOnOneReplicaIsValidOnTheOther() {
        Api.Caller browser = api(first).newUser("Sam", "sam@replicas.test");
        api(second)
                .anonymous()
                .withSession(browser.sessionCookie())
                .get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo("sam@replicas.test");
    }

    @Test
    void theServerRefusesASecretFileOtherAccountsCanRead() throws Exception {
        Path readable = secretFile(temporary.resolve("readable"), "rw-r--r--");
        assertThatThrownBy(() -> DatabaseOnlyServer.run(
                        "--tocsin.database-only=true",
                        "--tocsin.database.port=0",
                        "--tocsin.database.secret-file=" + readable,
                        "--tocsin.data-dir=" + temporary.resolve("refused")))
                .hasStackTraceContaining("can be read by other accounts");
    }

    @Test
    void databaseOnlyModeIsAskedForOnTheCommandLine() {
        assertThat(DatabaseOnlyServer.requested("--tocsin.database-only=true")).isTrue();
        assertThat(DatabaseOnlyServer.requested("--server.port=8080")).isFalse();
    }

    private static String discovered(Api.Caller caller, String word) {
        return caller.get("/api/v1/events?q=" + word + "&from=2027-10-01T00:00:00Z")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static Map<String, Object> vigil(String organization, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", organization);
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", "2027-10-10T18:00");
        body.put("end", "2027-10-10T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("place", Map.of("city", "Berlin", "countryCode", "DE"));
        return body;
    }

    private static Path secretFile(Path file, String mode) throws Exception {
        Files.writeString(file, SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static ConfigurableApplicationContext replica(String uri, String name) {
        return new SpringApplicationBuilder(TocsinApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + uri,
                        "--tocsin.data-dir=" + TestStorage.newDataDir("tocsin-replica-" + name + "-"),
                        "--tocsin.rate-limits.enabled=false",
                        "--tocsin.accounts.require-verified-email=false",
                        "--tocsin.admins=" + ADMIN);
    }

    private static Api api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        return Api.of(WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build());
    }
}
