package org.tocsin.pages;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A browser that follows a broken or mistyped link ({@code /cities/tehran}, an old address) gets the not-found
 * page in its language, with the site's navigation, instead of a problem document in JSON. Only page
 * navigations (GET or HEAD asking for HTML) to no route at all; the API, the feeds and files keep their
 * problem details, and everything else goes on to the web layer's problem handler.
 */
@Component
@Order(-3)
class UnknownPages implements WebExceptionHandler {

    /** Where a caller reads data, not pages: they always get problem details. */
    private static final List<String> NOT_PAGES =
            List.of("/api/", "/feeds/", "/assets/", "/widget/", "/actuator", "/v3/", "/map/");

    private final Pages pages;

    UnknownPages(Pages pages) {
        this.pages = pages;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!(error instanceof ResponseStatusException e)
                || e.getStatusCode().value() != 404
                || !isPageNavigation(exchange.getRequest())
                || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return pages.notFound(exchange).flatMap(page -> write(exchange.getResponse(), page));
    }

    static boolean isPageNavigation(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        String path = request.getPath().pathWithinApplication().value();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD
                || NOT_PAGES.stream().anyMatch(path::startsWith)
                || path.lastIndexOf('.') > path.lastIndexOf('/')) {
            return false;
        }
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    private static Mono<Void> write(ServerHttpResponse response, ResponseEntity<String> page) {
        response.setStatusCode(page.getStatusCode());
        response.getHeaders().putAll(page.getHeaders());
        byte[] body = page.getBody() == null ? new byte[0] : page.getBody().getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
