package org.tocsin.web.openapi;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            this.page = Mustache.compiler()
                    .defaultValue("")
                    .emptyStringIsFalse(true)
                    .compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Param(String name, String in, boolean required, String description) {}

    record Answer(String status, String descriptionHtml) {}

    record Op(
            String anchor,
            String method,
            String path,
            String summary,
            String descriptionHtml,
            String auth,
            List<Param> params,
            Body requestBody,
            String requestExample,
            List<Answer> answers,
            Body responseBody,
            String responseExample) {

        boolean hasParams() {
            return !params.isEmpty();
        }
    }

    record Field(String name, String type, boolean required, String description) {}

    /** A body's schema, one level deep: its name and its fields (nested objects are named, with their own). */
    record Body(String type, List<Field> fields) {

        boolean hasFields() {
            return !fields.isEmpty();
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
        Body requestBody = null;
        for (JsonNode media : op.path("requestBody").path("content")) {
            requestBody = body(doc, media.path("schema"));
            if (media.has("example")) {
                request = pretty(media.get("example"));
            }
        }
        List<Answer> answers = new ArrayList<>();
        String response = null;
        Body responseBody = null;
        for (var entry : op.path("responses").properties()) {
            JsonNode answer = entry.getValue();
            if (answer.has("$ref")) {
                String name = answer.get("$ref").asString().replaceFirst(".*/", "");
                answer = doc.path("components").path("responses").path(name);
            }
            answers.add(
                    new Answer(entry.getKey(), prose(answer.path("description").asString(""))));
            for (JsonNode media : answer.path("content")) {
                if (entry.getKey().startsWith("2")) {
                    responseBody = responseBody != null ? responseBody : body(doc, media.path("schema"));
                    if (media.has("example")) {
                        response = pretty(media.get("example"));
                    }
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
                requestBody,
                request,
                answers,
                responseBody,
                response);
    }

    /** The schema's name and fields, {@code $ref}s followed; null when there is no schema to show. */
    private static Body body(JsonNode doc, JsonNode schema) {
        if (schema.isMissingNode() || schema.isEmpty()) {
            return null;
        }
        String type = typeName(schema);
        JsonNode target = resolve(doc, schema);
        if (target.path("type").asString("").equals("array")) {
            target = resolve(doc, target.path("items"));
        }
        List<Field> fields = new ArrayList<>();
        Set<String> required = new HashSet<>();
        target.path("required").forEach(r -> required.add(r.asString()));
        for (var property : target.path("properties").properties()) {
            JsonNode p = property.getValue();
            fields.add(new Field(
                    property.getKey(),
                    typeName(p),
                    required.contains(property.getKey()),
                    p.path("description").asString("")));
        }
        return new Body(type, fields);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/")
                ? doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    /** {@code EventView}, {@code string (date-time)}, {@code Speaker[]}, {@code string: GOING | MAYBE}... */
    private static String typeName(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            return ref.replaceFirst(".*/", "");
        }
        String type = schema.path("type").asString("object");
        if (type.equals("array")) {
            return typeName(schema.path("items")) + "[]";
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> values.add(v.asString()));
            return type + ": " + String.join(" | ", values);
        }
        String format = schema.path("format").asString("");
        return format.isEmpty() ? type : type + " (" + format + ")";
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
