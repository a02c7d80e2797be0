package org.tocsin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.TocsinApplication;
import org.tocsin.storage.Ids;
import org.tocsin.support.Api;
import org.tocsin.support.TestStorage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Non-interference for hidden data (SECURITY.md item 14): two worlds that differ only in what a
 * stranger may not read (hidden venues, addresses, exact points inside the same coarse cell, online
 * links; PRIVATE and UNLISTED events' content and existence; whether a removed event was deleted or hidden by a moderator) must give every anonymous request on a
 * public route the same answer: status, headers (ETag, Last-Modified...), body bytes, so order,
 * counts and pagination boundaries too.
 *
 * <p>Each world is its own application context with its own embedded database, a fixed clock and
 * the same deterministic id source while it is built, so that the public objects of both worlds carry
 * the same ids and timestamps. Then both answer the same seeded random requests, side by side. Set
 * {@code -Dtocsin.noninterference.seed=} to replay a failure; the seed is printed in every failure.
 */
class NonInterferenceTest {

    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    static final int RANDOM_PROBES = 520;
    /** Headers that may differ with no hidden value involved: the wall clock and per-response cookies. */
    private static final List<String> IGNORED_HEADERS = List.of(HttpHeaders.DATE, HttpHeaders.SET_COOKIE);

    private final List<ConfigurableApplicationContext> worlds = new ArrayList<>();

    @AfterEach
    void stop() {
        worlds.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void anonymousAnswersAreTheSameWhateverTheHiddenValues() {
        long seed = Long.getLong("tocsin.noninterference.seed", new Random().nextLong());
        HiddenWorlds spec = new HiddenWorlds(seed, NOW);

        // The same ids in both worlds while they are built; the CSPRNG again before any probe.
        long started = System.nanoTime();
        World a;
        HiddenWorlds.Built builtA;
        try (Ids.Replacement ids = Ids.replaceSourceForTest(deterministicIds(seed))) {
            a = start();
            builtA = spec.build(Api.of(a.client()), 0);
        }
        World b;
        HiddenWorlds.Built builtB;
        try (Ids.Replacement ids = Ids.replaceSourceForTest(deterministicIds(seed))) {
            b = start();
            builtB = spec.build(Api.of(b.client()), 1);
        }
        assertThat(builtB.publicEventIds())
                .as("public events have the same ids in both worlds (seed %d)", seed)
                .isEqualTo(builtA.publicEventIds());
        assertThat(builtA.hiddenPoints())
                .as("the worlds differ in hidden points (seed %d)", seed)
                .isNotEqualTo(builtB.hiddenPoints());

        long built = System.nanoTime();
        List<PublicProbes.Probe> probes =
                new PublicProbes(new Random(seed + 1), NOW, builtA, builtB).generate(RANDOM_PROBES);
        int comparisons = 0;
        List<String> differences = new ArrayList<>();
        for (PublicProbes.Probe probe : probes) {
            String pathA = probe.path();
            String pathB = probe.path();
            for (int page = 0; page < probe.pages() && pathA != null; page++) {
                Answer answerA = Answer.of(a, pathA, null);
                Answer answerB = Answer.of(b, pathB, null);
                comparisons++;
                if (!answerA.equals(answerB)) {
                    differences.add(pathA + "\n  A: " + answerA.brief(answerB) + "\n  B: " + answerB.brief(answerA));
                    break;
                }
                if (probe.revalidate() && answerA.etag() != null) {
                    comparisons++;
                    Answer againA = Answer.of(a, pathA, answerA.etag());
                    Answer againB = Answer.of(b, pathB, answerB.etag());
                    if (!againA.equals(againB)) {
                        differences.add(pathA + " (revalidated)\n  A: " + againA.brief(againB) + "\n  B: "
                                + againB.brief(againA));
                    }
                }
                pathA = answerA.next(pathA);
                pathB = answerB.next(pathB);
            }
        }
        System.out.printf(
                "Non-interference: %d comparisons of anonymous answers, seed %d; worlds built in %d s,"
                        + " compared in %d s%n",
                comparisons, seed, (built - started) / 1_000_000_000, (System.nanoTime() - built) / 1_000_000_000);
        differences.forEach(
                d -> System.out.println("DIFFERS " + d.lines().findFirst().orElseThrow()));
        assertThat(differences.size())
                .as(
                        "%d answers of %d depend on hidden values, e.g.%n%s%n(all are printed above;"
                                + " replay with -Dtocsin.noninterference.seed=%d)",
                        differences.size(),
                        comparisons,
                        String.join("\n", differences.subList(0, Math.min(3, differences.size()))),
                        seed)
                .isZero();
        assertThat(comparisons).isGreaterThan(RANDOM_PROBES);
    }

    private static Supplier<String> deterministicIds(long seed) {
        Random random = new Random(seed);
        return () -> {
            byte[] bytes = new byte[16];
            synchronized (random) {
                random.nextBytes(bytes);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        };
    }

    /** A world: a fresh data directory (so always the embedded database) and the fixed clock. */
    private World start() {
        Path dataDir = TestStorage.newDataDir("tocsin-world-");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TocsinApplication.class)
                .initializers(c -> c.addBeanFactoryPostProcessor(new FixedClock(NOW)))
                .run(
                        "--server.port=0",
                        "--tocsin.data-dir=" + dataDir,
                        "--tocsin.rate-limits.enabled=false",
                        // The fixed clock never moves past a horizon: the delta feeds hand out everything up to now.
                        "--tocsin.sync.horizon=0s",
                        // The worlds' organizers are about hidden data, not sign-up (verification answers alike
                        // for every address: accounts.EmailVerificationTest).
                        "--tocsin.accounts.require-verified-email=false",
                        "--tocsin.admins=" + HiddenWorlds.MODERATOR,
                        "--spring.main.banner-mode=off",
                        "--spring.mongodb.uri=");
        worlds.add(context);
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        String base = "http://127.0.0.1:" + port;
        return new World(
                base,
                WebTestClient.bindToServer()
                        .baseUrl(base)
                        .responseTimeout(Duration.ofSeconds(30))
                        .build());
    }

    /** A running world: its address and a client bound to it. */
    record World(String base, WebTestClient client) {}

    /**
     * Replaces the application's Clock bean with a fixed one: every timestamp in an answer (createdAt,
     * updatedAt, DTSTAMP, Last-Modified) is then the same in both worlds.
     */
    private record FixedClock(Instant now) implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            // The application's own definition is not registered yet; it is replaced below, once it is.
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
            registry.removeBeanDefinition("clock");
            registry.registerBeanDefinition(
                    "clock", new RootBeanDefinition(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC)));
        }
    }

    /** What an anonymous caller observes of one answer. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        static Answer of(World world, String path, String ifNoneMatch) {
            // An absolute URI, used as is: the probes are already percent-encoded.
            EntityExchangeResult<byte[]> result = world.client()
                    .get()
                    .uri(URI.create(world.base() + path))
                    .headers(h -> {
                        if (ifNoneMatch != null) {
                            h.setIfNoneMatch(ifNoneMatch);
                        }
                    })
                    .exchange()
                    .expectBody(byte[].class)
                    .returnResult();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            result.getResponseHeaders().forEach((name, values) -> {
                if (IGNORED_HEADERS.stream().noneMatch(name::equalsIgnoreCase)) {
                    headers.put(name, values);
                }
            });
            byte[] body = result.getResponseBody();
            return new Answer(
                    result.getStatus().value(),
                    headers,
                    body == null ? "" : withoutCsrfToken(new String(body, StandardCharsets.UTF_8)));
        }

        /** A page's form token is fresh for every visitor, whatever is hidden: the one part of an HTML page not compared. */
        private static String withoutCsrfToken(String body) {
            return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
        }

        String etag() {
            List<String> etag = headers.get(HttpHeaders.ETAG);
            return etag == null || etag.isEmpty() ? null : etag.getFirst();
        }

        /** The next page of a discovery answer or of a server-rendered list page, or null. */
        String next(String path) {
            if (status == 200 && !path.startsWith("/api/")) {
                java.util.regex.Matcher later = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">")
                        .matcher(body);
                return later.find() ? later.group(1).replace("&amp;", "&") : null;
            }
            if (status != 200 || !path.startsWith("/api/v1/events?")) {
                return null;
            }
            JsonNode cursor = JSON.readTree(body).get("nextCursor");
            if (cursor == null || cursor.isNull()) {
                return null;
            }
            return path.replaceAll("&cursor=[^&]*", "") + "&cursor=" + cursor.asString();
        }

        /** Status, the headers that differ from {@code other}'s, and the body. */
        String brief(Answer other) {
            Map<String, List<String>> differing = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> {
                if (!values.equals(other.headers.get(name))) {
                    differing.put(name, values);
                }
            });
            return status + " " + differing + " " + (body.length() > 1500 ? body.substring(0, 1500) + "…" : body);
        }
    }
}
