package org.tocsin.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.TocsinApplication;

/**
 * The app in this JVM on the embedded database in {@code dataDir}, for tests that stop it cleanly and start it
 * again on the same data (a crash needs a separate process: {@link ChildApp}).
 */
public final class InProcessApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private InProcessApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it on a random port; {@code arguments} are added to its command line. */
    public static InProcessApp start(Path dataDir, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--tocsin.data-dir=" + dataDir,
                "--tocsin.rate-limits.enabled=false",
                // About restarts, not sign-up (accounts.EmailVerificationTest).
                "--tocsin.accounts.require-verified-email=false",
                "--spring.main.banner-mode=off",
                // The embedded database file, even when the suite points elsewhere.
                "--spring.mongodb.uri="));
        all.addAll(List.of(arguments));
        return new InProcessApp(new SpringApplicationBuilder(TocsinApplication.class).run(all.toArray(String[]::new)));
    }

    public Api api() {
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        return Api.of(WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build());
    }

    /** A clean stop, as on SIGTERM. */
    @Override
    public void close() {
        context.close();
    }
}
