package org.tocsin.web;

import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for what partner sites read from any origin: the public read API, the public feeds and the widget's
 * script. {@code Access-Control-Allow-Origin: *} and never {@code Allow-Credentials}, so a browser sends no
 * cookie cross-origin and no session can be ridden; writes and everything else get no CORS at all.
 * Ordered before Spring Security so that a preflight is answered without authentication.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicCors implements WebFilter {

    static final Pattern PUBLIC_READS = Pattern.compile("^(?:"
            + "/api/v1/events|/api/v1/events/[^/]+|/api/v1/cities|/api/v1/calendars"
            + "|/api/v1/campaigns|/api/v1/campaigns/[^/]+|/api/v1/organizations/[^/]+"
            + "|/feeds/(?!private/).+|/widget/.+|/events/[^/]+\\.ics"
            + ")$");

    static boolean isPublicRead(String path) {
        return PUBLIC_READS.matcher(path).matches();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        // Whether or not the request names an Origin: a shared cache then stores the same headers for everyone.
        if (!isPublicRead(path)) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.OPTIONS
                && request.getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD");
            headers.set(
                    HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                    "Accept, Accept-Language, If-None-Match, If-Modified-Since");
            headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
            response.setStatusCode(HttpStatus.NO_CONTENT);
            return response.setComplete();
        }
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            // Partners' pages mirroring in a browser page on with Link and pace themselves by the RateLimit headers.
            headers.set(
                    HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                    "ETag, Last-Modified, Link, RateLimit, RateLimit-Policy, Retry-After");
        }
        return chain.filter(exchange);
    }
}
