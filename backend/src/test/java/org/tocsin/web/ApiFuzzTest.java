package org.tocsin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.LogCapture;
import org.tocsin.support.OrganizationFixtures;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The API fuzzer of issue 10's standing adversarial suite, driven by the OpenAPI document: every
 * operation it lists gets malformed, oversized, out-of-range, wrong-type, injection-shaped and
 * Unicode-edge input in its path parameters, its query parameters and its body, from an anonymous
 * caller and from a signed-in organizer (a browser session with its CSRF token, or an API token),
 * so that bodies get past authentication to validation. Asserted: no 5xx at all; every 4xx is
 * {@code application/problem+json}; a rejected write stored nothing (the document counts of every
 * collection that holds what users create are the same before and after it); the log gained no
 * stack trace.
 */
class ApiFuzzTest extends IntegrationTest {

    /** Collections a write creates documents in (not the mail outbox, which its sender drains meanwhile). */
    private static final List<String> STORED = List.of(
            "events",
            "organizations",
            "campaigns",
            "campaign_calls",
            "campaign_submissions",
            "rsvps",
            "users",
            "memberships",
            "invitations",
            "api_tokens",
            "calendars",
            "feed_tokens",
            "rsvp_feeds",
            "cities",
            "sessions");

    /** Path and query values, already percent-encoded as they go on the wire. */
    private static final List<String> URL_VALUES = List.of(
            "%00",
            "..",
            "%2e%2e",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%7B%22%24gt%22%3A%22%22%7D",
            "x".repeat(2000),
            "%F0%9F%98%80",
            "%ED%A0%80",
            "%E2%80%AE",
            "-1",
            "%2B999999999-12-31T23:59:59Z",
            "%C0%AF",
            "1e309",
            "%0D%0ASet-Cookie%3A%20x%3Dy",
            "%FF%FE");

    /** JSON values put into body properties (raw JSON text, so lone surrogates and NULs go out as escapes). */
    private static final List<String> JSON_VALUES = List.of(
            "null",
            "true",
            "-1",
            "2147483648",
            "1e309",
            "9223372036854775808",
            "[]",
            "{\"$gt\":\"\"}",
            "\"\"",
            "\"" + "x".repeat(30_000) + "\"",
            "\"../../../etc/passwd\"",
            "\"<script>alert(1)</script>\"",
            "\"a\\u0000b\"",
            "\"\\ud800\"",
            "\"\\u202eevil\"",
            "\"" + "\uD83D\uDE00".repeat(500) + "\"",
            "\"+999999999-12-31T23:59:59Z\"",
            "\"\\u0001\\u001b\\u0007\"");

    /** Whole bodies that are not what any operation reads. */
    private static final List<String> RAW_BODIES = List.of(
            "",
            "{",
            "{\"a\":",
            "[]",
            "null",
            "\"x\"",
            "123",
            "{\"a\":1,\"a\":2}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
            "{\"" + "k".repeat(300_000) + "\":1}",
            "\u0000",
            "{\"title\":\"\\ud800\"}",
            "{\"$where\":\"sleep(1000)\"}");

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    private record Caller(String name, Consumer<HttpHeaders> headers) {}

    /** One input to one operation ({@code op} is "METHOD /template"); {@code property} when it fills one body property. */
    private record Request(String op, HttpMethod method, String path, String body, MediaType type, boolean property) {}

    @Test
    void noInputMakesA5xxOrAnErrorThatIsNotAProblemOrStoresAnythingWhenRejected() {
        OrganizationFixtures f = new OrganizationFixtures(api(), "Fuzz");
        Map<String, Object> series = new LinkedHashMap<>(Map.of(
                "organization",
                f.organization,
                "title",
                "Vigil",
                "kind",
                "VIGIL",
                "start",
                "2027-05-01T18:00",
                "end",
                "2027-05-01T19:00",
                "timeZone",
                "Europe/Berlin",
                "online",
                Map.of("url", "https://example.org/live"),
                "recurrence",
                Map.of("rrule", "FREQ=WEEKLY;COUNT=5")));
        String eventId = f.owner.createdId("/api/v1/events", series);
        JsonNode token = f.owner
                .post("/api/v1/me/tokens", Map.of("name", "fuzzer"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String csrf = web.get()
                .uri("/api/v1/auth/csrf")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .asString();
        String session = f.owner.sessionCookie();
        List<Caller> callers = List.of(
                new Caller("anonymous", h -> {
                    h.set("X-XSRF-TOKEN", csrf);
                    h.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + csrf);
                }),
                new Caller("session", h -> {
                    h.set("X-XSRF-TOKEN", csrf);
                    h.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + csrf + "; __Host-tocsin-session=" + session);
                }),
                new Caller("bearer", h -> h.setBearerAuth(token.get("token").asString())));
        Map<String, String> known = Map.of(
                "slug",
                f.organization,
                "id",
                eventId,
                "userId",
                f.owner.userId(),
                "recurrenceId",
                "2027-05-08T18:00",
                "token",
                "tcm_unknown",
                "rsvpId",
                "unknown");

        JsonNode doc = web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        // Bad values go into a valid body where one is known, so they get past the other fields to the deep checks.
        Map<String, Map<String, Object>> bases = Map.of(
                "POST /api/v1/events", series,
                "POST /api/v1/events/{id}/rsvps", Map.of("name", "Sam", "response", "GOING"),
                "POST /api/v1/organizations", Map.of("name", "Fuzzed group"),
                "POST /api/v1/campaigns", Map.of("organization", f.organization, "name", "Day of action"),
                "POST /api/v1/organizations/{slug}/invitations", Map.of("role", "MEMBER"));
        List<Request> requests = requests(doc, known, bases);
        // The delta-sync feeds read a cursor, a limit or a stray parameter only beside their instant: bad
        // ones there too, and bad instants themselves (the discovery operation shares their path).
        assertThat(doc.at("/paths/~1api~1v1~1events~1deleted/get").isMissingNode())
                .isFalse();
        for (String value : URL_VALUES) {
            requests.add(new Request(
                    "GET /api/v1/events?updatedSince",
                    HttpMethod.GET,
                    "/api/v1/events?updatedSince=" + value,
                    null,
                    null,
                    false));
            for (String feed : List.of(
                    "/api/v1/events?updatedSince=2026-01-01T00:00:00Z&",
                    "/api/v1/events/deleted?since=2026-01-01T00:00:00Z&")) {
                for (String name : List.of("cursor", "limit", "city")) {
                    requests.add(new Request(
                            "GET " + feed + name, HttpMethod.GET, feed + name + "=" + value, null, null, false));
                }
            }
        }

        List<String> failures = new ArrayList<>();
        java.util.Set<String> signInRequired = new java.util.HashSet<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int sent = 0;
        Map<String, Long> counts = counts();
        try (LogCapture log = LogCapture.start()) {
            for (Request request : requests) {
                for (int c = 0; c < callers.size(); c++) {
                    Caller caller = callers.get(c);
                    // Every request anonymously; the signed-in forms take turns, so each reaches validation once.
                    if (c > 0 && (c - 1) != Math.floorMod(request.hashCode(), 2)) {
                        continue;
                    }
                    // Where strangers are turned away at the door, every body they send meets the same 401.
                    if (c == 0 && request.property() && signInRequired.contains(request.op())) {
                        continue;
                    }
                    EntityExchangeResult<byte[]> result = send(request, caller);
                    sent++;
                    int status = result.getStatus().value();
                    statuses.merge(status, 1, Integer::sum);
                    if (c == 0 && status == 401) {
                        signInRequired.add(request.op());
                    }
                    String label = caller.name() + " " + request.method() + " " + shorten(request.path())
                            + (request.body() == null ? "" : " " + shorten(request.body())) + " -> " + status;
                    if (status >= 500) {
                        failures.add(label + " "
                                + shorten(new String(
                                        result.getResponseBodyContent() == null
                                                ? new byte[0]
                                                : result.getResponseBodyContent(),
                                        StandardCharsets.UTF_8)));
                    } else if (status >= 400 && !isProblem(result)) {
                        failures.add(label + " not a problem: "
                                + result.getResponseHeaders().getContentType());
                    }
                    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
                        Map<String, Long> after = counts();
                        if (status >= 400 && !after.equals(counts)) {
                            failures.add(label + " stored something: " + counts + " -> " + after);
                        }
                        counts = after;
                    }
                }
            }
            System.out.println("[api-fuzz] sent " + sent + " requests for " + requests.size() + " inputs to "
                    + doc.get("paths").size() + " paths; answers by status " + statuses + "; " + failures.size()
                    + " failures");
            assertThat(failures).isEmpty();
            assertThat(log.traces())
                    .as("stack traces logged during the fuzz run")
                    .isEmpty();
        }
    }

    private EntityExchangeResult<byte[]> send(Request request, Caller caller) {
        var spec = web.method(request.method())
                .uri(URI.create("http://127.0.0.1:" + port + request.path()))
                .headers(caller.headers())
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (request.body() != null) {
            return spec.contentType(request.type())
                    .bodyValue(request.body().getBytes(StandardCharsets.UTF_8))
                    .exchange()
                    .expectBody(byte[].class)
                    .returnResult();
        }
        return spec.exchange().expectBody(byte[].class).returnResult();
    }

    private static boolean isProblem(EntityExchangeResult<byte[]> result) {
        MediaType type = result.getResponseHeaders().getContentType();
        byte[] body = result.getResponseBodyContent();
        return type != null
                && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                && body != null
                && new String(body, StandardCharsets.UTF_8).contains("\"type\"");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Flux.fromIterable(STORED)
                .flatMap(name -> mongo.estimatedCount(name).map(n -> Map.entry(name, n)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block()
                .forEach(counts::put);
        return counts;
    }

    /** Every operation of the document × every bad input, path parameters filled with real values elsewhere. */
    static List<Request> requests(JsonNode doc, Map<String, String> known, Map<String, Map<String, Object>> bases) {
        List<Request> requests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase(java.util.Locale.ROOT));
                JsonNode operation = op.getValue();
                String template = path.getKey();
                String key = method + " " + template;
                if (template.equals("/api/v1/auth/logout")) {
                    continue; // It ends the session the rest of the run signs in with.
                }
                List<String> pathParams = new ArrayList<>();
                List<String> queryParams = new ArrayList<>();
                for (JsonNode p : operation.path("parameters")) {
                    (p.path("in").asString().equals("path") ? pathParams : queryParams)
                            .add(p.path("name").asString());
                }
                String real = fill(template, known, null, null);
                for (String name : pathParams) {
                    for (String value : URL_VALUES) {
                        requests.add(new Request(key, method, fill(template, known, name, value), null, null, false));
                    }
                }
                for (String name : queryParams) {
                    for (String value : URL_VALUES) {
                        requests.add(new Request(key, method, real + "?" + name + "=" + value, null, null, false));
                    }
                }
                if (!operation.has("requestBody") || method == HttpMethod.DELETE) {
                    continue;
                }
                for (String raw : RAW_BODIES) {
                    requests.add(new Request(key, method, real, raw, MediaType.APPLICATION_JSON, false));
                }
                requests.add(new Request(key, method, real, "{}", MediaType.TEXT_PLAIN, false));
                requests.add(new Request(key, method, real, "<x/>", MediaType.APPLICATION_XML, false));
                JsonNode schema = schema(doc, operation.at("/requestBody/content/application~1json/schema"));
                Map<String, Object> base = bases.getOrDefault(method + " " + template, Map.of());
                for (Map.Entry<String, JsonNode> property :
                        schema.path("properties").properties()) {
                    Map<String, Object> rest = new LinkedHashMap<>(base);
                    rest.remove(property.getKey());
                    String others = JSON.writeValueAsString(rest);
                    for (String value : JSON_VALUES) {
                        requests.add(new Request(
                                key,
                                method,
                                real,
                                "{\"" + property.getKey() + "\":" + value
                                        + (rest.isEmpty() ? "}" : "," + others.substring(1)),
                                MediaType.APPLICATION_JSON,
                                true));
                    }
                }
            }
        }
        return requests;
    }

    private static JsonNode schema(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : schema;
    }

    /** The path with every parameter filled: {@code bad} for {@code name}, a real value (or a harmless one) for the rest. */
    private static String fill(String template, Map<String, String> known, String name, String bad) {
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                path.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            String param = template.substring(open + 1, close);
            path.append(template, i, open)
                    .append(
                            param.equals(name)
                                    ? bad
                                    : URLEncoder.encode(known.getOrDefault(param, "unknown"), StandardCharsets.UTF_8));
            i = close + 1;
        }
        return path.toString();
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 100) + "…(" + s.length() + ")";
    }
}
