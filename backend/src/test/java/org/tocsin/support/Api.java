package org.tocsin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;
import tools.jackson.databind.JsonNode;

/**
 * Calls the API the way the web app does: a CSRF token from {@code GET /api/v1/auth/csrf} echoed in
 * {@code X-XSRF-TOKEN}, the session cookie from sign-in; or the way a script does, with a Bearer token.
 */
public final class Api {

    public static final String PASSWORD = "a long enough passphrase";

    private final WebTestClient web;

    Api(WebTestClient web) {
        this.web = web;
    }

    /** For tests that start the application themselves (restarts, crashes) and bind a client to its port. */
    public static Api of(WebTestClient web) {
        return new Api(web);
    }

    /**
     * Callers seen as coming from {@code clientAddress}, as a trusted reverse proxy reports it
     * ({@code X-Forwarded-For}; the context needs {@code server.forward-headers-strategy=native}).
     */
    public static Api from(WebTestClient web, String clientAddress) {
        return new Api(
                web.mutate().defaultHeader("X-Forwarded-For", clientAddress).build());
    }

    /** An anonymous browser: it has a CSRF token but no session. */
    public Caller anonymous() {
        return new Caller(web, csrfToken(), Map.of(), null);
    }

    /** Registers a new account with a unique email and signs it in. */
    public Caller newUser(String displayName) {
        return newUser(displayName, "user-" + UUID.randomUUID() + "@tocsin.test");
    }

    public Caller newUser(String displayName, String email) {
        Caller anonymous = anonymous();
        anonymous
                .post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD, "displayName", displayName))
                .expectStatus()
                .isCreated();
        return signIn(email, PASSWORD);
    }

    public Caller signIn(String email, String password) {
        Caller anonymous = anonymous();
        EntityExchangeResult<JsonNode> result = anonymous
                .post("/api/v1/auth/login", Map.of("email", email, "password", password))
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult();
        ResponseCookie session = result.getResponseCookies().getFirst("__Host-tocsin-session");
        assertThat(session).as("session cookie").isNotNull();
        return new Caller(
                web,
                anonymous.csrf,
                Map.of(session.getName(), session.getValue()),
                result.getResponseBody().get("id").asString());
    }

    /** A script with an API token: no cookies, no CSRF token. */
    public Caller bearer(String token) {
        return new Caller(web, null, Map.of(), null, token);
    }

    private String csrfToken() {
        return web.get()
                .uri("/api/v1/auth/csrf")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .asString();
    }

    /** One caller: a browser session, an anonymous browser, or a token-holding script. */
    public static final class Caller {
        private final WebTestClient web;
        private final String csrf;
        private final Map<String, String> cookies;
        private final String userId;
        private final String bearer;

        Caller(WebTestClient web, String csrf, Map<String, String> cookies, String userId) {
            this(web, csrf, cookies, userId, null);
        }

        Caller(WebTestClient web, String csrf, Map<String, String> cookies, String userId, String bearer) {
            this.web = web;
            this.csrf = csrf;
            this.cookies = cookies;
            this.userId = userId;
            this.bearer = bearer;
        }

        public String userId() {
            return userId;
        }

        public String sessionCookie() {
            return cookies.get("__Host-tocsin-session");
        }

        /** This caller carrying a session cookie obtained earlier (e.g. from a process that has since restarted). */
        public Caller withSession(String sessionCookie) {
            return new Caller(web, csrf, Map.of("__Host-tocsin-session", sessionCookie), userId, bearer);
        }

        /** The same session, without its CSRF token: what a forged cross-site request looks like. */
        public Caller withoutCsrf() {
            return new Caller(web, null, cookies, userId, bearer);
        }

        public WebTestClient.ResponseSpec get(String uri) {
            return request(HttpMethod.GET, uri, null);
        }

        public WebTestClient.ResponseSpec post(String uri, Object body) {
            return request(HttpMethod.POST, uri, body);
        }

        /** POSTs {@code body}, expects 201 Created, and answers the created resource's {@code id}. */
        public String createdId(String uri, Object body) {
            return post(uri, body)
                    .expectStatus()
                    .isCreated()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody()
                    .get("id")
                    .asString();
        }

        public WebTestClient.ResponseSpec put(String uri, Object body) {
            return request(HttpMethod.PUT, uri, body);
        }

        public WebTestClient.ResponseSpec patch(String uri, Object body) {
            return request(HttpMethod.PATCH, uri, body);
        }

        public WebTestClient.ResponseSpec delete(String uri) {
            return request(HttpMethod.DELETE, uri, null);
        }

        /** A body given as a String is sent as-is (for malformed-JSON tests); anything else as JSON. */
        public WebTestClient.ResponseSpec request(HttpMethod method, String uri, Object body) {
            RequestBodySpec spec = web.method(method).uri(uri).headers(headers());
            spec.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            cookies.forEach(spec::cookie);
            if (body instanceof String raw) {
                return spec.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(raw)
                        .exchange();
            }
            if (body != null) {
                return spec.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
            }
            return spec.exchange();
        }

        private Consumer<HttpHeaders> headers() {
            return h -> {
                if (csrf != null) {
                    h.set("X-XSRF-TOKEN", csrf);
                    h.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + csrf);
                }
                if (bearer != null) {
                    h.setBearerAuth(bearer);
                }
            };
        }
    }
}
