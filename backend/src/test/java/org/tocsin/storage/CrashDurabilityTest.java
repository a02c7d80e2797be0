package org.tocsin.storage;

import org.awaitility.core.ConditionTimeoutException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * An acknowledged write must survive {@code kill -9}. The H2 store would otherwise commit on its
 * own about once a second, so the process is killed right after the last 201, while a lazy store
 * would still hold the write in memory. The app runs as a child JVM on the test classpath because
 * only a separate process can really be killed.
 */
class CrashDurabilityTest {

    // Generous: a child JVM starting on two cores shared with the test JVM (and, on a developer's
    // machine, other builds) can take a minute; the test is about durability, not start-up time.
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);

    @TempDir
    Path dataDir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRegistrationAcknowledgedJustBeforeKill9SurvivesIt() throws Exception {
        Child first = start();
        first.api().anonymous().post("/api/v1/auth/register",
                        Map.of("email", "crash@tocsin.test", "password", Api.PASSWORD, "displayName", "Kai"))
                .expectStatus().isCreated();
        first.kill9();

        start().api().signIn("crash@tocsin.test", Api.PASSWORD).get("/api/v1/me").expectStatus().isOk();
    }

    @Test
    void aBurstOfRegistrationsAllSurviveKill9() throws Exception {
        Child first = start();
        Api.Caller anonymous = first.api().anonymous();
        List<String> emails = IntStream.range(0, 50).mapToObj(i -> "burst-" + i + "@tocsin.test").toList();
        // Eight at a time, so that many acknowledgements fall inside the store's one-second commit window.
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<?>> registrations = new ArrayList<>();
            for (String email : emails) {
                registrations.add(clients.submit(() -> anonymous.post("/api/v1/auth/register",
                                Map.of("email", email, "password", Api.PASSWORD, "displayName", "Burst"))
                        .expectStatus().isCreated()));
            }
            for (Future<?> registration : registrations) {
                registration.get();
            }
        }
        first.kill9();

        Api second = start().api();
        for (String email : emails) {
            second.signIn(email, Api.PASSWORD);
        }
    }

    private Child start() throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile(dataDir, "child-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.tocsin.TocsinApplication",
                "--server.port=" + port,
                "--tocsin.data-dir=" + dataDir,
                "--tocsin.rate-limits.enabled=false",
                "--spring.mongodb.uri=")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        children.add(process);
        Child child = new Child(process, port, log);
        child.awaitHealthy();
        return child;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Child(Process process, int port, Path log) {

        WebTestClient client() {
            return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();
        }

        Api api() {
            return Api.of(client());
        }

        /** Polls the health endpoint; a child that dies or stays down fails the test with its log. */
        void awaitHealthy() throws IOException, InterruptedException {
            WebTestClient health = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                    .responseTimeout(Duration.ofSeconds(2)).build();
            try {
                // A child that dies fails at once: fail() inside the condition is not retried.
                await().atMost(STARTUP_LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!process.isAlive()) {
                        fail("The app exited with " + process.exitValue() + ":\n" + Files.readString(log));
                    }
                    try {
                        return new String(health.get().uri("/actuator/health").exchange()
                                .expectBody().returnResult().getResponseBodyContent()).contains("\"UP\"");
                    } catch (RuntimeException | AssertionError notYetListening) {
                        return false; // Connection refused until the server is up.
                    }
                });
            } catch (ConditionTimeoutException e) {
                fail("The app was not healthy within " + STARTUP_LIMIT + ":\n" + Files.readString(log));
            }
        }

        /** SIGKILL on Linux: no shutdown hooks, no closing of the store. */
        void kill9() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("killed").isTrue();
        }
    }
}
