package org.tocsin.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import reactor.core.publisher.Mono;

/**
 * The stored documents of events the index chose, for the pages and feeds that show them. The index keeps
 * only what filtering and order need ({@link IndexedEvent}); titles, descriptions and venues are read here.
 *
 * <p>Recently shown documents are kept, each exactly as the index knows it (same version, same
 * {@code updatedAt}), so a write makes its old copy unusable at once. Why: the embedded server reads a
 * document by deserialising its whole storage page and lets one query run at a time per collection, so
 * reading every page's 50 documents from it capped discovery at about 50 pages a second and put every
 * request in one queue (docs/discovery-benchmark.md). The pages people ask for are mostly the same few
 * (each city's and word's first page), and Caffeine's admission policy keeps a feed's one-off read of many
 * events from pushing them out. The bound is by size.
 *
 * <p>Only documents the caller's own query listed are looked up, so whether one was kept can tell a caller
 * no more than that someone recently looked at an event it may list itself.
 */
@Component
class EventDocuments {

    /** About a few thousand events' documents. */
    static final long MAX_BYTES = 48L * 1024 * 1024;

    private final EventStore store;
    private final Cache<String, EventDocument> recent = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .<String, EventDocument>weigher((id, document) -> approximateBytes(document))
            .build();

    EventDocuments(EventStore store) {
        this.store = store;
    }

    /**
     * The documents of {@code events} by id, as stored (a deleted one is left out); the ones not kept, or
     * kept in an older version than the index's, read from the store in one query.
     */
    Mono<Map<String, EventDocument>> of(Collection<IndexedEvent> events) {
        Map<String, EventDocument> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (IndexedEvent event : events) {
            EventDocument kept = recent.getIfPresent(event.id());
            if (kept != null && sameVersion(kept, event)) {
                found.put(event.id(), kept);
            } else if (!found.containsKey(event.id())) {
                missing.add(event.id());
            }
        }
        if (missing.isEmpty()) {
            return Mono.just(found);
        }
        return store.byIds(missing.stream().distinct().toList())
                .doOnNext(document -> {
                    recent.put(document.id(), document);
                    found.put(document.id(), document);
                })
                .then(Mono.fromSupplier(() -> found));
    }

    private static boolean sameVersion(EventDocument document, IndexedEvent indexed) {
        return Objects.equals(document.version(), indexed.version())
                && document.updatedAt() != null
                && document.updatedAt().toEpochMilli() == indexed.updatedAt();
    }

    /** Its text dominates a document's size (UTF-16 at worst), with a fixed share for the rest. */
    private static int approximateBytes(EventDocument document) {
        return 2_048
                + 2 * (length(document.title()) + length(document.description()) + length(document.descriptionHtml()));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
