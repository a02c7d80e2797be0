package org.tocsin.feeds;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Rendered feeds by ETag, bounded in bytes. The ETag names the content version, so an entry never
 * goes stale: a change makes a new ETag and the old one ages out.
 */
@Component
class RenderedFeeds {

    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Cache<String, byte[]> feeds = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .<String, byte[]>weigher((etag, body) -> body.length)
            .build();

    Mono<byte[]> get(String etag, Supplier<Mono<byte[]>> render) {
        byte[] hit = feeds.getIfPresent(etag);
        return hit != null ? Mono.just(hit) : render.get().doOnNext(body -> feeds.put(etag, body));
    }
}
