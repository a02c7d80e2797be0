package org.tocsin.feeds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Rendered feeds by ETag, least recently used out first, bounded in bytes. The ETag names the
 * content version, so an entry never goes stale: a change makes a new ETag and the old one ages out.
 */
@Component
class RenderedFeeds {

    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Map<String, byte[]> feeds = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    Mono<byte[]> get(String etag, Supplier<Mono<byte[]>> render) {
        byte[] hit = lookup(etag);
        return hit != null ? Mono.just(hit) : render.get().doOnNext(body -> store(etag, body));
    }

    private synchronized byte[] lookup(String etag) {
        return feeds.get(etag);
    }

    private synchronized void store(String etag, byte[] body) {
        if (body.length > MAX_BYTES / 4) {
            return;
        }
        byte[] previous = feeds.put(etag, body);
        bytes += body.length - (previous == null ? 0 : previous.length);
        var oldest = feeds.entrySet().iterator();
        while (bytes > MAX_BYTES && oldest.hasNext()) {
            bytes -= oldest.next().getValue().length;
            oldest.remove();
        }
    }
}
