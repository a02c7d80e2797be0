package org.tocsin.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes each operation's summary, description, tag, examples, error responses and security requirements into
 * the generated document, from {@code openapi/operations.yaml}: one file to read and review instead of annotations
 * spread over every controller. The error responses follow from the operation (see the file's header) plus what
 * the file adds; each refers to a shared response whose body is the one Problem schema.
 */
class OperationDocs implements OpenApiCustomizer {

    static final String RESOURCE = "openapi/operations.yaml";

    /** One entry of the file. */
    record Doc(
            String summary, String description, String auth, List<Integer> errors, Object request, Object response) {}

    record Loaded(Map<String, String> tags, Map<String, Doc> operations) {}

    /**
     * Read at the first document built, not at start-up: parsing the file took about 200 ms of the main thread
     * of every start (docs/performance.md), for a document most starts never serve. springdoc builds the document
     * on a bounded-elastic worker, where reading a resource may block.
     */
    private Loaded loaded;

    private synchronized Loaded loaded() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    @SuppressWarnings("unchecked")
    static Loaded load() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, String> tags = (Map<String, String>) root.get("tags");
            Map<String, Map<String, Object>> entries = (Map<String, Map<String, Object>>) root.get("operations");
            Map<String, Doc> operations = new java.util.LinkedHashMap<>();
            entries.forEach((key, e) -> operations.put(
                    key,
                    new Doc(
                            (String) e.get("summary"),
                            (String) e.get("description"),
                            (String) e.getOrDefault("auth", "member"),
                            (List<Integer>) e.getOrDefault("errors", List.of()),
                            e.get("request"),
                            e.get("response"))));
            return new Loaded(Map.copyOf(tags), Map.copyOf(operations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Loaded file = loaded();
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> document(file, method, path, operation)));
    }

    private void document(Loaded file, PathItem.HttpMethod method, String path, Operation operation) {
        Doc doc = file.operations().get(method.name() + " " + path);
        if (doc == null) {
            // Left without a summary, so OpenApiDocumentationTest names it.
            return;
        }
        operation.setSummary(doc.summary());
        operation.setDescription(doc.description());
        if (operation.getTags() != null) {
            operation.setTags(operation.getTags().stream()
                    .map(t -> file.tags().getOrDefault(t, t))
                    .distinct()
                    .toList());
        }
        boolean unsafe = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        operation.setSecurity(security(doc.auth(), unsafe));
        if (doc.request() != null
                && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(doc.request()));
        }
        ApiResponses responses = operation.getResponses();
        if (doc.response() != null && responses != null) {
            responses.entrySet().stream()
                    .filter(r -> r.getKey().startsWith("2"))
                    .map(Map.Entry::getValue)
                    .filter(r -> r.getContent() != null)
                    .flatMap(r -> r.getContent().values().stream())
                    .forEach(media -> media.setExample(doc.response()));
        }
        for (int status : errors(doc, operation, unsafe)) {
            ApiDocumentation.ErrorAnswer answer = ApiDocumentation.ERRORS.get(status);
            if (answer == null) {
                throw new IllegalStateException(
                        RESOURCE + ": " + method + " " + path + " names an unknown error status " + status);
            }
            ApiResponse ref = new ApiResponse().$ref("#/components/responses/" + answer.name());
            if (status == 429) {
                ref = new ApiResponse()
                        .description(answer.description())
                        .addHeaderObject(
                                "Retry-After",
                                new Header().description("seconds to wait").schema(new IntegerSchema()))
                        .content(new io.swagger.v3.oas.models.media.Content()
                                .addMediaType(
                                        ApiDocumentation.PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new io.swagger.v3.oas.models.media.Schema<>()
                                                        .$ref("#/components/schemas/Problem"))
                                                .example(answer.example())));
            }
            operation.getResponses().addApiResponse(Integer.toString(status), ref);
        }
    }

    /** Derived statuses (see the file's header) and the file's own, in order. */
    private static Set<Integer> errors(Doc doc, Operation operation, boolean unsafe) {
        Set<Integer> statuses = new TreeSet<>(doc.errors());
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        statuses.add(401);
        if (unsafe || doc.auth().equals("member")) {
            statuses.add(403);
        }
        if (operation.getRequestBody() != null || parameters.stream().anyMatch(p -> "query".equals(p.getIn()))) {
            statuses.add(400);
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            statuses.add(404);
        }
        return statuses;
    }

    /**
     * member: an API token, or the session cookie (with the CSRF header on unsafe methods). public and link: the
     * same, or nothing at all (the empty requirement).
     */
    private static List<SecurityRequirement> security(String auth, boolean unsafe) {
        List<SecurityRequirement> requirements = new ArrayList<>();
        switch (auth.toLowerCase(Locale.ROOT)) {
            case "public", "link" -> requirements.add(new SecurityRequirement());
            case "member" -> {}
            default -> throw new IllegalStateException(RESOURCE + ": unknown auth " + auth);
        }
        requirements.add(new SecurityRequirement().addList(ApiDocumentation.BEARER));
        SecurityRequirement session = new SecurityRequirement().addList(ApiDocumentation.SESSION);
        if (unsafe) {
            session.addList(ApiDocumentation.CSRF);
        }
        requirements.add(session);
        return requirements;
    }
}
