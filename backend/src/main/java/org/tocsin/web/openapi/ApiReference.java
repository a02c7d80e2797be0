package org.tocsin.web.openapi;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API reference as one HTML page, rendered from the OpenAPI document: every operation grouped by tag, with
 * who may call it, its parameters, example bodies and answers. Plain HTML and one stylesheet of our own, so it
 * reads with JavaScript off and keeps the strict Content-Security-Policy (no inline script or style).
 */
final class ApiReference {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final Template page;
    private final JsonMapper json;

    ApiReference(JsonMapper json) {
        this.json = json;
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("openapi/reference.mustache").getInputStream(), StandardCharsets.UTF_8)) {
            this.page = Mustache.compiler().defaultValue("").compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Param(String name, String in, boolean required, String description) {}

    record Answer(String status, String description) {}

    record Op(
            String anchor,
            String method,
            String path,
            String summary,
            String descriptionHtml,
            String auth,
            List<Param> params,
            String requestExample,
            List<Answer> answers,
            String responseExample) {

        boolean hasParams() {
            return !params.isEmpty();
        }
    }

    record Group(String name, String anchor, List<Op> operations) {}

    String render(JsonNode doc) {
        Map<String, List<Op>> groups = new LinkedHashMap<>();
        JsonNode paths = doc.path("paths");
        for (String path : paths.propertyNames().stream().sorted().toList()) {
            for (String method : METHODS) {
                JsonNode op = paths.path(path).path(method);
                if (op.isObject()) {
                    String tag = op.path("tags").path(0).asString("Other");
                    groups.computeIfAbsent(tag, t -> new ArrayList<>()).add(operation(doc, method, path, op));
                }
            }
        }
        List<Group> list = groups.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Group(e.getKey(), anchor("tag-" + e.getKey()), e.getValue()))
                .toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", doc.path("info").path("title").asString("API"));
        model.put("version", doc.path("info").path("version").asString(""));
        model.put("descriptionHtml", prose(doc.path("info").path("description").asString("")));
        model.put("groups", list);
        return page.execute(model);
    }

    private Op operation(JsonNode doc, String method, String path, JsonNode op) {
        List<Param> params = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            params.add(new Param(
                    p.path("name").asString(),
                    p.path("in").asString(),
                    p.path("required").asBoolean(false),
                    p.path("description").asString("")));
        }
        String request = null;
        for (JsonNode media : op.path("requestBody").path("content")) {
            if (media.has("example")) {
                request = pretty(media.get("example"));
            }
        }
        List<Answer> answers = new ArrayList<>();
        String response = null;
        for (var entry : op.path("responses").properties()) {
            JsonNode answer = entry.getValue();
            if (answer.has("$ref")) {
                String name = answer.get("$ref").asString().replaceFirst(".*/", "");
                answer = doc.path("components").path("responses").path(name);
            }
            answers.add(new Answer(entry.getKey(), answer.path("description").asString("")));
            for (JsonNode media : answer.path("content")) {
                if (media.has("example") && entry.getKey().startsWith("2")) {
                    response = pretty(media.get("example"));
                }
            }
        }
        return new Op(
                anchor(op.path("operationId").asString(method + path)),
                method.toUpperCase(java.util.Locale.ROOT),
                path,
                op.path("summary").asString(""),
                prose(op.path("description").asString("")),
                auth(op.path("security")),
                params,
                request,
                answers,
                response);
    }

    /** Who may call it, in words: the security requirements read back. */
    private static String auth(JsonNode security) {
        boolean anonymous = false;
        boolean csrf = false;
        for (JsonNode requirement : security) {
            anonymous |= requirement.isEmpty();
            csrf |= requirement.has(ApiDocumentation.CSRF);
        }
        String who = anonymous
                ? "Anyone; an API token or a session may see more."
                : "An API token (Authorization: Bearer) or a session.";
        return csrf ? who + " With the session cookie, send the X-XSRF-TOKEN header." : who;
    }

    private String pretty(JsonNode example) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(example);
    }

    /** Escaped text in which `code` becomes {@code <code>}: the only markup descriptions use. */
    static String prose(String text) {
        return CODE.matcher(HtmlUtils.htmlEscape(text)).replaceAll("<code>$1</code>");
    }

    private static String anchor(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
