package org.tocsin.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.support.Api;
import org.tocsin.support.ChildApp;
import org.tocsin.support.ChildApps;

/**
 * An acknowledged write must survive {@code kill -9}. The H2 store would otherwise commit on its
 * own about once a second, so the process is killed right after the last 201, while a lazy store
 * would still hold the write in memory.
 */
class CrashDurabilityTest {

    @TempDir
    Path dataDir;

    @RegisterExtension
    final ChildApps children = new ChildApps();

    @Test
    void aRegistrationAcknowledgedJustBeforeKill9SurvivesIt() throws Exception {
        ChildApp first = start();
        first.api()
                .anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("email", "crash@tocsin.test", "password", Api.PASSWORD, "displayName", "Kai"))
                .expectStatus()
                .isCreated();
        first.kill9();

        start().api()
                .signIn("crash@tocsin.test", Api.PASSWORD)
                .get("/api/v1/me")
                .expectStatus()
                .isOk();
    }

    @Test
    void aBurstOfRegistrationsAllSurviveKill9() throws Exception {
        ChildApp first = start();
        Api.Caller anonymous = first.api().anonymous();
        List<String> emails = IntStream.range(0, 50)
                .mapToObj(i -> "burst-" + i + "@tocsin.test")
                .toList();
        // Eight at a time, so that many acknowledgements fall inside the store's one-second commit window.
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<?>> registrations = new ArrayList<>();
            for (String email : emails) {
                registrations.add(clients.submit(() -> anonymous
                        .post(
                                "/api/v1/auth/register",
                                Map.of("email", email, "password", Api.PASSWORD, "displayName", "Burst"))
                        .expectStatus()
                        .isCreated()));
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

    private ChildApp start() throws IOException, InterruptedException {
        return children.start(dataDir);
    }
}
