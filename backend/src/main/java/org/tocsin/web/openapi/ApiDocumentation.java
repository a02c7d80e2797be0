package org.tocsin.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the OpenAPI document that are the same for every operation: what the API is, how a caller
 * authenticates, and the one Problem schema (RFC 9457) every error answer uses. {@link OperationDocs} adds each
 * operation's own words.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER = "apiToken";
    static final String SESSION = "session";
    static final String CSRF = "csrf";

    /** The error answers operations refer to, by status: name, description and an example body. */
    record ErrorAnswer(String name, String description, Map<String, Object> example) {}

    static final Map<Integer, ErrorAnswer> ERRORS = errors();

    @Bean
    OpenAPI tocsinOpenApi() {
        Components components = new Components()
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("An API token for partner tools (POST /api/v1/me/tokens), sent as "
                                        + "`Authorization: Bearer <token>`. It acts as its account, with its roles; "
                                        + "calls with it need no CSRF token."))
                .addSecuritySchemes(
                        SESSION,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE)
                                .name("__Host-tocsin-session")
                                .description("The web app's session cookie, set by /api/v1/auth/login "
                                        + "(`tocsin-session` on instances without https)."))
                .addSecuritySchemes(
                        CSRF,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name("X-XSRF-TOKEN")
                                .description("With the session cookie, every POST, PUT, PATCH and DELETE echoes the "
                                        + "token of GET /api/v1/auth/csrf (also in the XSRF-TOKEN cookie)."))
                .addSchemas("Problem", problemSchema());
        ERRORS.forEach((status, answer) -> components.addResponses(
                answer.name(),
                new ApiResponse()
                        .description(answer.description())
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                                .addExamples(answer.name(), new Example().value(answer.example()))))));
        return new OpenAPI()
                .info(new Info()
                        .title("Tocsin API")
                        .version("v1")
                        .description("Coordinate protest actions across cities: events, RSVPs, campaigns, feeds, "
                                + "webhooks and calendar imports. Partners: read docs/partners.md (mirror the "
                                + "calendar, receive webhooks, embed the widget). Every error is an RFC 9457 "
                                + "`application/problem+json` body with a stable `type`. Unknown objects and "
                                + "objects the caller may not see both answer 404."))
                .servers(List.of(new Server().url("/").description("This Tocsin instance")))
                .components(components);
    }

    @Bean
    OperationDocs operationDocs() {
        return new OperationDocs();
    }

    private static Schema<?> problemSchema() {
        Schema<?> field = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the request field, e.g. `title`"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; `type` is stable and clients may branch on it.")
                .addProperty("type", new StringSchema().example("/problems/validation"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().description("in the language asked for (Accept-Language)"))
                .addProperty("instance", new StringSchema().description("the request path"))
                .addProperty("errors", new ArraySchema().items(field).description("the fields at fault, for a 400"))
                .required(List.of("type", "title", "status"));
    }

    private static Map<String, Object> problem(int status, String type, String title, String detail, String path) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", path);
        return p;
    }

    private static Map<Integer, ErrorAnswer> errors() {
        Map<String, Object> invalid =
                problem(400, "/problems/validation", "Invalid request", "title: must not be blank", "/api/v1/events");
        invalid.put("errors", List.of(Map.of("field", "title", "message", "must not be blank")));
        Map<Integer, ErrorAnswer> errors = new LinkedHashMap<>();
        errors.put(
                400,
                new ErrorAnswer(
                        "BadRequest",
                        "The request is invalid (each field at fault named in `errors`) or did not decode; "
                                + "nothing was changed.",
                        invalid));
        errors.put(
                401,
                new ErrorAnswer(
                        "Unauthorized",
                        "Sign-in required, or the API token is unknown or revoked.",
                        problem(
                                401,
                                "/problems/unauthenticated",
                                "Sign-in required",
                                "Sign in, or send an API token as Authorization: Bearer",
                                "/api/v1/me")));
        errors.put(
                403,
                new ErrorAnswer(
                        "Forbidden",
                        "The caller's role does not allow this, or (with the session cookie) the CSRF token is "
                                + "missing or wrong (`/problems/csrf`).",
                        problem(
                                403,
                                "/problems/csrf",
                                "CSRF token missing or wrong",
                                "Fetch GET /api/v1/auth/csrf and echo its token in the X-XSRF-TOKEN header",
                                "/api/v1/events")));
        errors.put(
                404,
                new ErrorAnswer(
                        "NotFound",
                        "No such object, or one the caller may not see: both answer alike.",
                        problem(
                                404,
                                "/problems/not-found",
                                "Not found",
                                "Event not found",
                                "/api/v1/events/6651f0c2a7d1e24b3c9f0a12")));
        errors.put(
                409,
                new ErrorAnswer(
                        "Conflict",
                        "The request conflicts with the current state (taken, full, closed, decided meanwhile); "
                                + "`type` says which.",
                        problem(
                                409,
                                "/problems/no-room",
                                "No room",
                                "The event is full",
                                "/api/v1/events/6651f0c2a7d1e24b3c9f0a12/rsvps")));
        errors.put(
                429,
                new ErrorAnswer(
                        "TooManyRequests",
                        "Rate limited: wait as long as the `Retry-After` header says.",
                        problem(
                                429,
                                "/problems/rate-limited",
                                "Too many requests",
                                "Try again in 30 seconds",
                                "/api/v1/auth/login")));
        return Map.copyOf(errors);
    }
}
