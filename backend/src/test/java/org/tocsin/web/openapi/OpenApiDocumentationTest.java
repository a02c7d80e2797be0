package org.tocsin.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is partner-grade: every operation has a summary, a description, its error answers (each
 * an application/problem+json body of the one Problem schema, with an example) and its security; and the
 * reference page Tocsin serves lists every operation without loading anything from elsewhere. A new endpoint
 * without an entry in openapi/operations.yaml fails here, by name.
 */
class OpenApiDocumentationTest extends IntegrationTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete", "head", "options");

    private JsonNode document() {
        return web.get()
                .uri("/v3/api-docs")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private record Op(String method, String path, JsonNode node) {
        String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    private static List<Op> operations(JsonNode doc) {
        List<Op> ops = new ArrayList<>();
        for (var path : doc.get("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    ops.add(new Op(method, path.getKey(), op));
                }
            }
        }
        return ops;
    }

    /** The answer an operation's status refers to, its $ref followed. */
    private static JsonNode answer(JsonNode doc, JsonNode response) {
        return response.has("$ref")
                ? doc.at("/components/responses/"
                        + response.get("$ref").asString().replaceFirst(".*/", ""))
                : response;
    }

    @Test
    void everyOperationHasASummaryADescriptionItsErrorAnswersAndItsSecurity() {
        JsonNode doc = document();
        List<Op> ops = operations(doc);
        assertThat(ops).hasSizeGreaterThan(50);
        List<String> missing = new ArrayList<>();
        for (Op op : ops) {
            JsonNode n = op.node();
            if (n.path("summary").asString("").isBlank()) {
                missing.add(op.key() + ": no summary (add it to openapi/operations.yaml)");
            }
            if (n.path("description").asString("").isBlank()) {
                missing.add(op.key() + ": no description");
            }
            if (!n.path("security").isArray() || n.path("security").isEmpty()) {
                missing.add(op.key() + ": no security requirements");
            }
            JsonNode responses = n.path("responses");
            Set<String> expected = new TreeSet<>(List.of("401"));
            if (n.path("security").valueStream().noneMatch(JsonNode::isEmpty)
                    || !op.method().equals("get")) {
                expected.add("403");
            }
            if (n.path("parameters")
                    .valueStream()
                    .anyMatch(p -> p.path("in").asString().equals("path"))) {
                expected.add("404");
            }
            if (n.has("requestBody")
                    || n.path("parameters")
                            .valueStream()
                            .anyMatch(p -> p.path("in").asString().equals("query"))) {
                expected.add("400");
            }
            for (String status : expected) {
                if (!responses.has(status)) {
                    missing.add(op.key() + ": no " + status + " answer");
                }
            }
            for (var response : responses.properties()) {
                if (!response.getKey().startsWith("4")) {
                    continue;
                }
                JsonNode problem =
                        answer(doc, response.getValue()).path("content").path("application/problem+json");
                boolean hasExample = problem.has("example")
                        || problem.path("examples").valueStream().anyMatch(e -> e.has("value"));
                if (!problem.path("schema").path("$ref").asString("").equals("#/components/schemas/Problem")
                        || !hasExample) {
                    missing.add(op.key() + ": its " + response.getKey() + " is not a Problem with an example");
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(doc.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(doc.at("/components/securitySchemes/apiToken/scheme").asString())
                .isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/session/in").asString()).isEqualTo("cookie");
        assertThat(doc.at("/components/securitySchemes/csrf/name").asString()).isEqualTo("X-XSRF-TOKEN");
        // Rate-limited operations say how long to wait.
        assertThat(doc.at("/paths/~1api~1v1~1auth~1login/post/responses/429/headers/Retry-After")
                        .isObject())
                .isTrue();
        // Examples of bodies where a partner starts.
        assertThat(doc.at("/paths/~1api~1v1~1events/post/requestBody/content/application~1json/example/title")
                        .asString())
                .isNotBlank();
        assertThat(doc.at("/paths/~1api~1v1~1events/get/responses/200/content").toString())
                .contains("\"example\"");
    }

    /**
     * The JSON bodies under a content map: a JSON media type, or the generator's {@code *}{@code /*} for a handler
     * that declares no produces when its schema is an object or an array (iCalendar, CSV and feed bytes are strings).
     */
    private static List<JsonNode> jsonBodies(JsonNode content) {
        List<JsonNode> bodies = new ArrayList<>();
        for (var media : content.properties()) {
            JsonNode schema = media.getValue().path("schema");
            String type = schema.path("type").isString() ? schema.path("type").asString() : "";
            boolean json = media.getKey().contains("json")
                    || (media.getKey().equals("*/*")
                            && (schema.has("$ref") || type.equals("object") || type.equals("array")));
            if (json) {
                bodies.add(media.getValue());
            }
        }
        return bodies;
    }

    private static boolean hasExample(JsonNode media) {
        return media.has("example") || media.path("examples").valueStream().anyMatch(e -> e.has("value"));
    }

    /** Issue 14: every operation shows a partner what it takes and what it answers, not only its schema. */
    @Test
    void everyJsonBodyHasAnExample() {
        JsonNode doc = document();
        List<String> missing = new ArrayList<>();
        for (Op op : operations(doc)) {
            JsonNode n = op.node();
            // Feeds, .ics and .csv downloads answer in their own formats, whatever schema springdoc guesses.
            boolean download = op.key().matches("\\S+ \\S*\\.(\\{format}|ics|csv)$");
            if (jsonBodies(n.path("requestBody").path("content")).stream().anyMatch(m -> !hasExample(m))) {
                missing.add(
                        op.key() + ": its JSON request body has no example (add request: to openapi/operations.yaml)");
            }
            for (String status : List.of("200", "201")) {
                JsonNode content = answer(doc, n.path("responses").path(status)).path("content");
                if (!download && jsonBodies(content).stream().anyMatch(m -> !hasExample(m))) {
                    missing.add(op.key() + ": its JSON " + status
                            + " answer has no example (add response: to openapi/operations.yaml)");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEntryOfTheFileNamesAnOperation() {
        Set<String> documented = OperationDocs.load().operations().keySet();
        Set<String> existing = new TreeSet<>();
        operations(document()).forEach(op -> existing.add(op.key()));
        assertThat(new TreeSet<>(documented)).isSubsetOf(existing);
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("(?:src|href|action)=\"([^\"]*)\"");

    @Test
    void theReferencePageListsEveryOperationAndLoadsNothingFromElsewhere() {
        List<Op> ops = operations(document());
        // The page shows every example, so it is larger than the client's default 256 KB buffer.
        var result = web.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/docs/api")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult();
        String html = result.getResponseBody();
        String csp = result.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'");
        for (Op op : ops) {
            assertThat(html)
                    .as(op.key())
                    .contains(
                            ">" + op.method().toUpperCase() + "</span> <code class=\"path\">" + op.path() + "</code>");
            assertThat(html).contains(escape(op.node().path("summary").asString()));
        }
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("style=");
        Matcher m = ATTRIBUTE.matcher(html);
        List<String> targets = new ArrayList<>();
        while (m.find()) {
            targets.add(m.group(1));
        }
        assertThat(targets).isNotEmpty().allSatisfy(t -> assertThat(t).matches("^(/[^/].*|#.+)$"));
        assertThat(targets).contains("/docs/api.css");
        web.get()
                .uri("/docs/api.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/css");
    }

    private static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text);
    }
}
