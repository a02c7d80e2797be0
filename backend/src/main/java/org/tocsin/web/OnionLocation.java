package org.tocsin.web;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code Onion-Location} on HTML pages, when {@code tocsin.onion-location} names this Tocsin's onion service
 * (e.g. {@code http://abc…xyz.onion}): Tor Browser then offers the same page at the onion address, which
 * keeps a visitor's traffic inside Tor. Only HTML answers to GET carry it, as Tor Browser expects (it looks
 * for it on pages, over HTTPS); the API, feeds and files do not. Off when unset. An address that is not an
 * http(s) {@code .onion} URL stops the start, rather than pointing visitors somewhere else.
 */
@Component
class OnionLocation implements WebFilter {

    static final String HEADER = "Onion-Location";

    /** Without a trailing slash; empty when off. */
    private final String base;

    OnionLocation(@Value("${tocsin.onion-location:}") String onionLocation) {
        this.base = check(onionLocation.strip());
    }

    private static String check(String value) {
        if (value.isEmpty()) {
            return "";
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tocsin.onion-location is not a URL: " + value, e);
        }
        boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        if (!web || uri.getHost() == null || !uri.getHost().endsWith(".onion")) {
            throw new IllegalStateException("tocsin.onion-location must be an http(s) .onion address: " + value);
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (base.isEmpty() || (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD)) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            MediaType type = response.getHeaders().getContentType();
            if (type != null && MediaType.TEXT_HTML.isCompatibleWith(type)) {
                String query = request.getURI().getRawQuery();
                response.getHeaders()
                        .set(HEADER, base + request.getURI().getRawPath() + (query == null ? "" : "?" + query));
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
