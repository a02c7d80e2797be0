package org.tocsin.events.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The events feature's MongoDB access. The indexes serve a real MongoDB (the embedded server
 * accepts and ignores them): the discovery read model loads by {@code updatedAt}, range queries
 * use {@code lastEndUtc}, organization pages use {@code organizationId}.
 */
@Component
public class EventStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    EventStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var indexes = mongo.indexOps(EventDocument.class);
        Flux.concat(
                        indexes.createIndex(new Index().on("updatedAt", Sort.Direction.ASC)),
                        indexes.createIndex(new Index()
                                .on("organizationId", Sort.Direction.ASC)
                                .on("startUtc", Sort.Direction.ASC)),
                        indexes.createIndex(new Index().on("campaignId", Sort.Direction.ASC)),
                        indexes.createIndex(new Index().on("lastEndUtc", Sort.Direction.ASC)),
                        indexes.createIndex(new Index().on("place.cityKey", Sort.Direction.ASC)))
                .blockLast();
    }

    /** The keys of the cities that PUBLIC events (deleted ones too, until purged) name. */
    public Flux<String> publicCityKeys() {
        return mongo.findDistinct(
                Query.query(where("visibility").is("PUBLIC").and("place").ne(null)),
                "place.cityKey",
                EventDocument.class,
                String.class);
    }

    public Mono<EventDocument> insert(EventDocument event) {
        return mongo.insert(event);
    }

    /** New events in one insert (a bulk import's batch); each document is whole, none is partly written. */
    public Mono<Void> insertAll(java.util.List<EventDocument> events) {
        return mongo.insert(events, EventDocument.class).then();
    }

    /** Optimistic: fails with OptimisticLockingFailureException when someone saved in between. */
    public Mono<EventDocument> save(EventDocument event) {
        return mongo.save(event);
    }

    public Mono<EventDocument> byId(String id) {
        // Not a shape any id has: not found, without a query built from whatever the path held.
        if (!Ids.isWellFormed(id)) {
            return Mono.empty();
        }
        return mongo.findById(id, EventDocument.class).filter(e -> e.deletedAt() == null);
    }

    /** Everything changed since {@code since}, tombstones included: how read models catch up. */
    public Flux<EventDocument> changedSince(Instant since) {
        return mongo.find(Query.query(where("updatedAt").gt(since)).with(Sort.by("updatedAt")), EventDocument.class);
    }

    /** Events that may still matter (not ended before {@code endedAfter}, or open-ended series). */
    public Flux<EventDocument> live(Instant endedAfter) {
        return mongo.find(
                Query.query(where("deletedAt")
                        .isNull()
                        .orOperator(
                                where("lastEndUtc").isNull(),
                                where("lastEndUtc").gte(endedAfter))),
                EventDocument.class);
    }
}
