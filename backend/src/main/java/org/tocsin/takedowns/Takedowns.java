package org.tocsin.takedowns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tocsin.storage.DatabaseSharing;
import org.tocsin.takedowns.internal.TakedownDocument;
import org.tocsin.takedowns.internal.TakedownStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ids of events and organizations taken down by platform moderators, in memory: asked on every
 * read of an event or organization, so never a query. Loaded before the server takes requests;
 * this replica's changes apply at once, other replicas' (on a shared database) when the event index polls
 * the store ({@link #refresh}, just before it reads the events those changes re-stamped).
 * Only the moderation feature changes them (and then re-indexes what they hide, through events).
 */
@Component
public class Takedowns implements SmartInitializingSingleton {

    /** What can be taken down. */
    public enum Kind {
        EVENT,
        ORGANIZATION
    }

    /** One takedown: what, by which moderator, when. */
    public record Takedown(Kind kind, String targetId, String byUserId, Instant at) {}

    private final TakedownStore store;
    private final Clock clock;
    private volatile Map<Kind, Set<String>> hidden = Map.of(Kind.EVENT, Set.of(), Kind.ORGANIZATION, Set.of());
    /** The first read, once: whichever start-up hook asks first (this one, or the event index's) waits for it. */
    private final Mono<Void> loaded;

    Takedowns(TakedownStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.loaded = store.all().collectList().doOnNext(this::replace).then().cache();
    }

    @Override
    public void afterSingletonsInstantiated() {
        loaded().block();
    }

    /**
     * Completes once the takedowns are in memory. The event index loads after it (start-up hooks run in
     * no set order): an event hidden before a restart must not be indexed at start.
     */
    public Mono<Void> loaded() {
        return loaded;
    }

    /**
     * Reads every takedown again: other replicas' when the database is shared
     * ({@link DatabaseSharing#othersWrite()}). The event index asks for it before it reads the events changed
     * since its last poll, so an event another replica took down (and re-stamped) is never indexed as
     * visible again on the way; the takedowns are few, so this is one small read.
     */
    public Mono<Void> refresh() {
        return store.all().collectList().doOnNext(this::replace).then();
    }

    private void replace(List<TakedownDocument> all) {
        Map<Kind, Set<String>> next = new ConcurrentHashMap<>();
        for (Kind kind : Kind.values()) {
            next.put(
                    kind,
                    all.stream()
                            .filter(t -> t.kind().equals(kind.name()))
                            .map(TakedownDocument::targetId)
                            .collect(Collectors.toCollection(ConcurrentHashMap::newKeySet)));
        }
        hidden = next;
    }

    public boolean eventHidden(String eventId) {
        return hidden.get(Kind.EVENT).contains(eventId);
    }

    public boolean organizationHidden(String organizationId) {
        return hidden.get(Kind.ORGANIZATION).contains(organizationId);
    }

    /** The hidden ids of one kind, as a copy: for a query that must leave them out (the delta-sync feeds). */
    public Set<String> hidden(Kind kind) {
        return Set.copyOf(hidden.get(kind));
    }

    /** An event hidden itself or through its organization. */
    public boolean hides(String eventId, String organizationId) {
        return eventHidden(eventId) || organizationHidden(organizationId);
    }

    /** Stored first, then in effect; hiding what is hidden already changes nothing but the moderator named. */
    public Mono<Void> hide(Kind kind, String targetId, String byUserId) {
        return store.save(new TakedownDocument(kind + ":" + targetId, kind.name(), targetId, byUserId, clock.instant()))
                .doOnNext(saved -> hidden.get(kind).add(targetId))
                .then();
    }

    /** Whether it was hidden. */
    public Mono<Boolean> restore(Kind kind, String targetId) {
        return store.remove(kind + ":" + targetId)
                .doOnNext(removed -> hidden.get(kind).remove(targetId));
    }

    /** Every takedown, for the moderators' queue. */
    public Flux<Takedown> all() {
        return store.all().map(t -> new Takedown(Kind.valueOf(t.kind()), t.targetId(), t.byUserId(), t.at()));
    }
}
