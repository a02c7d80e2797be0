import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's training run for the JDK's AOT cache (JEP 483/514/515), run by the build with the source launcher:
 * {@code java AotTraining.java <jar> <cache> <work directory>}.
 *
 * <p>The cache keeps the classes a training run loaded and linked, and the profiles of the methods it ran hot. A
 * run that only refreshed the context left out what a start on real data does after that: restore the event index
 * from its snapshot, serve discovery, pages and feeds. So, on a throw-away data directory:
 *
 * <ol>
 *   <li>a plain run imports {@value #EVENTS} events through the public NDJSON import, and stops cleanly, which
 *       writes the index snapshot;
 *   <li>the training run starts as the README's command does (the build's bean definitions, no profile), restores
 *       that snapshot, answers a round of anonymous requests, and stops cleanly; the JDK then writes the cache.
 * </ol>
 *
 * <p>Before JDK 25 there is no such cache: it does nothing. Only ever on 127.0.0.1.
 */
public class AotTraining {

    /** Enough for the restore and discovery loops to run hot (their profiles go into the cache), a few seconds. */
    static final int EVENTS = 10_000;

    static final Duration START = Duration.ofMinutes(3);
    static final CookieManager COOKIES = new CookieManager();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .cookieHandler(COOKIES)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 25) {
            System.out.println("AOT training: JDK " + Runtime.version().feature() + " keeps no AOT cache; skipped");
            return;
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path cache = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        Files.deleteIfExists(cache);
        Path data = work.resolve("data");

        long began = System.nanoTime();
        try (App seeding = App.start(
                work.resolve("seed.log"),
                List.of(),
                jar,
                data,
                "--tocsin.secure-cookies=false",
                "--tocsin.rate-limits.enabled=false",
                "--tocsin.accounts.require-verified-email=false")) {
            seed(seeding.base);
        }
        // The training run reads as most people do, signed out. Sessions live in the database, so the seeding's
        // would otherwise still be good (today only its cookie's name, without __Host-, keeps it apart).
        COOKIES.getCookieStore().removeAll();
        long seeded = System.nanoTime();
        Path log = work.resolve("training.log");
        try (App training = App.start(
                log,
                List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot*=error"),
                jar,
                data,
                "--logging.level.org.tocsin.AheadOfTimeStart=INFO",
                "--logging.level.org.tocsin.events.EventIndex=INFO")) {
            for (int round = 0; round < 20; round++) {
                browse(training.base, round);
            }
        }
        // Trained on the path a real start takes, or the cache would hold the wrong classes and profiles.
        String said = Files.readString(log);
        for (String expected :
                List.of("Bean definitions: the ones the build wrote ahead of time", "from its snapshot")) {
            if (!said.contains(expected)) {
                throw new IllegalStateException("AOT training: " + log + " does not say '" + expected + "'");
            }
        }
        if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
            throw new IllegalStateException("AOT training: the JDK wrote no cache at " + cache + "; see " + work);
        }
        System.out.printf(
                "AOT training: %d events seeded in %.1f s, cache of %d MB written in %.1f s%n",
                EVENTS, (seeded - began) / 1e9, Files.size(cache) >> 20, (System.nanoTime() - seeded) / 1e9);
    }

    /** An account, its organization and {@value #EVENTS} events in it, through the bulk import. */
    static void seed(String base) throws Exception {
        String email = "{\"email\":\"training@tocsin.invalid\",\"password\":\"training-password-123\"";
        expect(201, post(base, "/api/v1/auth/register", email + ",\"displayName\":\"Training\"}"));
        expect(200, post(base, "/api/v1/auth/login", email + "}"));
        expect(201, post(base, "/api/v1/organizations", "{\"name\":\"Training\",\"slug\":\"training\"}"));
        StringBuilder lines = new StringBuilder();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < EVENTS; i++) {
            lines.append(event(i, today)).append('\n');
        }
        var imported = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/organizations/training/events/import"))
                .header("Content-Type", "application/x-ndjson")
                .header("X-XSRF-TOKEN", xsrf(base))
                .POST(BodyPublishers.ofString(lines.toString())));
        expect(202, imported);
        String job = imported.headers().firstValue("Location").orElseThrow();
        for (long deadline = System.nanoTime() + START.toNanos(); ; Thread.sleep(200)) {
            String state = field(get(base, job).body(), "state");
            if (state.equals("DONE")) return;
            if (!state.equals("CHECKING") && !state.equals("WRITING") || System.nanoTime() > deadline) {
                throw new IllegalStateException("AOT training: the import ended " + state);
            }
        }
    }

    /** Anonymous reads as supporters and partners make them: discovery, pages, feeds, city suggestions. */
    static void browse(String base, int round) throws Exception {
        String[] cities = {"city=Berlin&country=DE", "city=Paris&country=FR", "city=Toronto&country=CA"};
        String[] words = {"vigil", "prisoners", "زندانیان", "teachers", "nothingmatchesthis"};
        String page = read(base, "/api/v1/events?" + cities[round % cities.length]);
        read(base, "/api/v1/events?near=52.52,13.405&radiusKm=25");
        read(base, "/api/v1/events?q=" + encode(words[round % words.length]));
        read(base, "/api/v1/places?q=" + encode(round % 2 == 0 ? "Ber" : "تهر"));
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(page);
        if (!id.find()) throw new IllegalStateException("AOT training: no event in " + page);
        read(base, "/api/v1/events/" + id.group(1));
        read(base, "/events/" + id.group(1));
        read(base, "/events/" + id.group(1) + ".ics");
        read(base, "/");
        read(base, "/cities/de/berlin");
        read(base, "/feeds/cities/de/berlin.ics");
        read(base, "/feeds/organizations/training.ics");
        expect(400, get(base, "/api/v1/events?city=Berlin")); // the country is missing
    }

    /** A GET that must succeed: a training run that only met errors would profile the wrong code. */
    static String read(String base, String path) throws Exception {
        var response = get(base, path);
        expect(200, response);
        return response.body();
    }

    record City(String name, String country, String zone, double lat, double lon) {}

    static final List<City> CITIES = List.of(
            new City("Berlin", "DE", "Europe/Berlin", 52.52, 13.405),
            new City("Paris", "FR", "Europe/Paris", 48.8566, 2.3522),
            new City("London", "GB", "Europe/London", 51.5074, -0.1278),
            new City("Toronto", "CA", "America/Toronto", 43.6532, -79.3832),
            new City("Stockholm", "SE", "Europe/Stockholm", 59.3293, 18.0686),
            new City("Sydney", "AU", "Australia/Sydney", -33.8688, 151.2093),
            new City("Istanbul", "TR", "Europe/Istanbul", 41.0082, 28.9784),
            new City("Los Angeles", "US", "America/Los_Angeles", 34.0522, -118.2437));

    /** A create body as an organizer's tool would send it: many cities and days, a weekly series in twenty. */
    static String event(int i, LocalDate today) {
        SplittableRandom random = new SplittableRandom(i);
        City city = CITIES.get(random.nextInt(CITIES.size()));
        LocalDate day = today.plusDays(1 + random.nextInt(365));
        int hour = 10 + random.nextInt(10);
        String title = random.nextInt(5) == 0
                ? "تجمع برای زندانیان سیاسی در " + city.name()
                : "Vigil for political prisoners in " + city.name();
        String series = i % 20 == 0 ? ",\"recurrence\":{\"rrule\":\"FREQ=WEEKLY;COUNT=6\"}" : "";
        return ("{\"organization\":\"training\",\"title\":\"%s\",\"description\":\"Bring candles; we read the"
                        + " names of prisoners facing execution.\",\"kind\":\"VIGIL\",\"start\":\"%sT%02d:00\","
                        + "\"end\":\"%sT%02d:00\",\"timeZone\":\"%s\",\"place\":{\"city\":\"%s\",\"countryCode\":\"%s\","
                        + "\"lat\":%s,\"lon\":%s},\"tags\":[\"training\"],\"languages\":[\"en\",\"fa\"]%s}")
                .formatted(
                        title,
                        day,
                        hour,
                        day,
                        hour + 2,
                        city.zone(),
                        city.name(),
                        city.country(),
                        city.lat() + random.nextDouble(-0.04, 0.04),
                        city.lon() + random.nextDouble(-0.04, 0.04),
                        series);
    }

    /** A running Tocsin on a free port of 127.0.0.1; closing it stops it cleanly (SIGTERM) and waits. */
    record App(Process process, String base, Path log) implements AutoCloseable {

        static App start(Path log, List<String> jvm, Path jar, Path data, String... options) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvm);
            command.addAll(List.of(
                    "-jar",
                    jar.toString(),
                    "--tocsin.data-dir=" + data,
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--spring.mongodb.uri=",
                    "--logging.level.root=WARN"));
            command.addAll(List.of(options));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            App app = new App(process, "http://127.0.0.1:" + port, log);
            for (long deadline = System.nanoTime() + START.toNanos(); ; Thread.sleep(100)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("AOT training: Tocsin did not start; see " + log);
                }
                try {
                    if (get(app.base, "/actuator/health").body().contains("\"UP\"")) return app;
                } catch (IOException notYet) {
                    // not listening yet
                }
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 143 && process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("AOT training: Tocsin did not stop cleanly; see " + log);
            }
        }
    }

    static HttpResponse<String> get(String base, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    static HttpResponse<String> post(String base, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", xsrf(base))
                .POST(BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofMinutes(2)).build(), BodyHandlers.ofString());
    }

    /** The CSRF token the server's cookie holds (double submit), asked for once. */
    static String xsrf(String base) throws Exception {
        var cookies = COOKIES.getCookieStore();
        if (cookies.getCookies().stream().noneMatch(c -> c.getName().equals("XSRF-TOKEN"))) {
            get(base, "/api/v1/auth/csrf");
        }
        return cookies.getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("AOT training: "
                    + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
