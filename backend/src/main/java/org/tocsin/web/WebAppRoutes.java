package org.tocsin.web;

import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.tocsin.pages.PageNavigations;
import reactor.core.publisher.Mono;

/**
 * The web app's deep links: a GET of one of its pages (e.g. {@code /dashboard}) answers
 * {@code index.html} (served by {@link WebAppFiles}), whose client-side router shows the page.
 * The public pages ({@code /}, events, cities, organizations, campaigns, RSVPs) are rendered on the
 * server instead (org.tocsin.pages), and the app takes them over.
 * Never the API, the feeds, {@code /events/{id}.ics}, the actuator or the OpenAPI document
 * ({@link PageNavigations#isNeverAPage}).
 * The iframe widget {@code /embed/events} may be framed by any site; every other page by none.
 */
@Component
class WebAppRoutes implements WebFilter {

    static final Pattern APP_PAGE = Pattern.compile("^/(?:"
            + "join/[^/.]+"
            + "|signin|register|forgot-password|reset-password|verify-email|dashboard(?:/[^.]*)?|embed|embed/events"
            + ")/?$");

    static final String EMBED_PATH = "/embed/events";

    static final String EMBEDDABLE_CONTENT_SECURITY_POLICY =
            SecurityConfiguration.CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *");

    private static final String INDEX = "/index.html";

    static boolean isAppPage(String path) {
        return !PageNavigations.isNeverAPage(path) && APP_PAGE.matcher(path).matches();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        String path = request.getPath().pathWithinApplication().value();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD || !isAppPage(path)) {
            return chain.filter(exchange);
        }
        if (path.equals(EMBED_PATH) || path.equals(EMBED_PATH + "/")) {
            // Runs after the security headers writer (registered earlier in the chain), so this wins.
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", EMBEDDABLE_CONTENT_SECURITY_POLICY);
                headers.remove("X-Frame-Options");
                return Mono.empty();
            });
        }
        // The page's own path stays what the security rules and the logs saw; only the file served changes.
        return chain.filter(
                exchange.mutate().request(request.mutate().path(INDEX).build()).build());
    }
}
