package org.tocsin.pages;

import java.nio.charset.StandardCharsets;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
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
 * problem details ({@link PageNavigations}), and everything else goes on to the web layer's problem handler.
 */
@Component
@Order(-3)
class UnknownPages implements WebExceptionHandler {

    private final Pages pages;

    UnknownPages(Pages pages) {
        this.pages = pages;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!(error instanceof ResponseStatusException e)
                || e.getStatusCode().value() != 404
                || !PageNavigations.isPageNavigation(exchange.getRequest())
                || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return pages.notFound(exchange).flatMap(page -> write(exchange.getResponse(), page));
    }

    private static Mono<Void> write(ServerHttpResponse response, ResponseEntity<String> page) {
        response.setStatusCode(page.getStatusCode());
        response.getHeaders().putAll(page.getHeaders());
        byte[] body = page.getBody() == null ? new byte[0] : page.getBody().getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
