package org.tocsin.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Conditional GET for the list answers partners poll ({@code GET /api/v1/events}, discovery and the
 * delta feed, and {@code /api/v1/events/deleted}): the ETag is a hash of the JSON body this caller
 * receives, and a matching {@code If-None-Match} gets a 304 with no body. Computed from the answer
 * itself, it can reflect nothing the caller was not given (a hidden event, another caller's view),
 * and two callers given the same bytes get the same tag. The answer is built either way (a page is
 * bounded, so is the buffering): a 304 saves the transfer, not the work, and takes no different time
 * for anything hidden. Weak ({@code W/}): the same JSON may be sent compressed or not.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ListRevalidation implements WebFilter {

    static final List<String> LISTS = List.of("/api/v1/events", "/api/v1/events/deleted");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (exchange.getRequest().getMethod() != HttpMethod.GET || !LISTS.contains(path)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new Tagged(exchange)).build());
    }

    /** Holds the body back until it is whole, then tags it, or answers 304 in its place. */
    private static final class Tagged extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;

        Tagged(ServerWebExchange exchange) {
            super(exchange.getResponse());
            this.exchange = exchange;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatus status = getStatusCode() == null
                    ? HttpStatus.OK
                    : HttpStatus.resolve(getStatusCode().value());
            MediaType type = getHeaders().getContentType();
            if (status != HttpStatus.OK || type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                String etag = "W/\"" + hash(bytes) + '"';
                ServerHttpResponse response = getDelegate();
                response.getHeaders().setETag(etag);
                if (matches(exchange.getRequest().getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)) {
                    response.setStatusCode(HttpStatus.NOT_MODIFIED);
                    response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
                    response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
                    return response.setComplete();
                }
                response.getHeaders().setContentLength(bytes.length);
                return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
            });
        }

        /**
         * Weak comparison (RFC 9110 13.1.2): equal opaque tags, a W/ on either side or not. Read from the raw
         * header (our tags hold no comma), so no malformed header can fail the answer.
         */
        private static boolean matches(List<String> ifNoneMatch, String etag) {
            if (ifNoneMatch == null) {
                return false;
            }
            String opaque = etag.substring(2);
            for (String header : ifNoneMatch) {
                for (String candidate : header.split(",", 64)) {
                    String c = candidate.strip();
                    if (c.equals("*") || c.equals(opaque) || c.equals(etag)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static String hash(byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
