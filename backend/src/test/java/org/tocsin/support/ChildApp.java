package org.tocsin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The app as a child JVM on the test classpath, on the embedded database in {@code dataDir}: only a
 * separate process can really be killed ({@code kill -9}) to test what survives a crash.
 */
public record ChildApp(Process process, int port, Path logFile) {

    // Generous: a child JVM starting on two cores shared with the test JVM (and, on a developer's
    // machine, other builds) can take a minute; the tests are about durability, not start-up time.
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);

    /** Starts the app and waits until it is healthy; {@code arguments} are added to its command line. */
    public static ChildApp start(Path dataDir, String... arguments) throws IOException, InterruptedException {
        return startHealthyAt("/actuator/health", dataDir, arguments);
    }

    /** The same, for a configuration whose health is answered at {@code healthPath} (e.g. {@code /readyz}). */
    public static ChildApp startHealthyAt(String healthPath, Path dataDir, String... arguments)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile(dataDir, "child-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.tocsin.TocsinApplication",
                "--server.port=" + port,
                "--tocsin.data-dir=" + dataDir,
                "--tocsin.rate-limits.enabled=false",
                // As in IntegrationTest: these apps are about restarts and crashes, not sign-up.
                "--tocsin.accounts.require-verified-email=false",
                "--spring.mongodb.uri="));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        ChildApp child = new ChildApp(process, port, log);
        try {
            child.awaitHealthy(healthPath);
        } catch (AssertionError | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return child;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    public Api api() {
        return Api.of(client());
    }

    /** Polls the health endpoint; a child that dies or stays down fails the test with its log. */
    private void awaitHealthy(String healthPath) {
        WebTestClient health = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(2))
                .build();
        try {
            // A child that dies fails at once: fail() inside the condition is not retried.
            await().atMost(STARTUP_LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    fail("The app exited with " + process.exitValue() + ":\n" + log());
                }
                try {
                    return new String(health.get()
                                    .uri(healthPath)
                                    .exchange()
                                    .expectBody()
                                    .returnResult()
                                    .getResponseBodyContent())
                            .contains("\"UP\"");
                } catch (RuntimeException | AssertionError notYetListening) {
                    return false; // Connection refused until the server is up.
                }
            });
        } catch (ConditionTimeoutException e) {
            fail("The app was not healthy within " + STARTUP_LIMIT + ":\n" + log());
        }
    }

    /** What the child wrote so far. */
    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL on Linux: no shutdown hooks, no closing of the store. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("killed").isTrue();
    }
}
