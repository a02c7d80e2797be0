package org.tocsin.events.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The deletions feed's tombstones ({@link RemovalDocument}). */
@Component
public class RemovalStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    RemovalStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(RemovalDocument.class)
                .createIndex(new Index().on("removedAt", Sort.Direction.ASC))
                .block();
    }

    /**
     * Stores the decision unless a newer write of the event (a higher version) already stored one. Two
     * concurrent writes of one event may store theirs in either order; the newer one stands.
     */
    public Mono<Void> putIfNewer(RemovalDocument removal) {
        Query older = Query.query(new Criteria()
                .andOperator(
                        where("id").is(removal.id()),
                        new Criteria()
                                .orOperator(
                                        where("eventVersion").lt(removal.eventVersion()),
                                        where("eventVersion").exists(false))));
        Update update = new Update()
                .set("eventId", removal.eventId())
                .set("audience", removal.audience().name())
                .set("organizationId", removal.organizationId())
                .set("removedAt", removal.removedAt())
                .set("eventVersion", removal.eventVersion())
                .set("withdrawn", removal.withdrawn());
        Mono<Long> replaceOlder =
                mongo.updateFirst(older, update, RemovalDocument.class).map(r -> r.getMatchedCount());
        return replaceOlder.flatMap(matched -> matched > 0
                ? Mono.<Void>empty()
                : mongo.insert(removal)
                        .then()
                        // Someone stored one in between: it stands unless it is older than this.
                        .onErrorResume(DuplicateKeyException.class, e -> replaceOlder.then()));
    }

    /**
     * Up to {@code limit} tombstones a caller may see, after the position and at the latest at {@code upTo},
     * in (removedAt, id) order: PUBLIC ones of organizations the caller is not in (a member hears of a
     * deletion from the MEMBERS one, of a hiding not at all: they still list the event), MEMBERS ones of
     * organizations the caller is in.
     */
    public Flux<RemovalDocument> removedAfter(
            Instant afterRemovedAt, String afterId, Instant upTo, Set<String> memberOf, int limit) {
        Criteria audience = memberOf.isEmpty()
                ? where("audience").is(RemovalDocument.Audience.PUBLIC.name())
                : new Criteria()
                        .orOperator(
                                new Criteria()
                                        .andOperator(
                                                where("audience").is(RemovalDocument.Audience.PUBLIC.name()),
                                                where("organizationId").nin(memberOf)),
                                new Criteria()
                                        .andOperator(
                                                where("audience").is(RemovalDocument.Audience.MEMBERS.name()),
                                                where("organizationId").in(memberOf)));
        Criteria position = new Criteria()
                .orOperator(
                        where("removedAt").gt(afterRemovedAt),
                        new Criteria()
                                .andOperator(
                                        where("removedAt").is(afterRemovedAt),
                                        where("id").gt(afterId)));
        return mongo.find(
                Query.query(new Criteria()
                                .andOperator(
                                        where("removedAt").lte(upTo),
                                        where("withdrawn").ne(true),
                                        position,
                                        audience))
                        .with(Sort.by("removedAt", "id"))
                        .limit(limit),
                RemovalDocument.class);
    }

    /** Drops tombstones older than {@code before}; the number dropped. */
    public Mono<Long> purge(Instant before) {
        return mongo.remove(Query.query(where("removedAt").lt(before)), RemovalDocument.class)
                .map(r -> r.getDeletedCount());
    }

    /**
     * A deleted organization's tombstones: those for its members go (it has none now), the public ones
     * stay, without its id, so mirrors still learn of the deletions and nothing names the organization.
     */
    public Mono<Void> forgetOrganization(String organizationId) {
        return mongo.remove(
                        Query.query(where("organizationId")
                                .is(organizationId)
                                .and("audience")
                                .is(RemovalDocument.Audience.MEMBERS.name())),
                        RemovalDocument.class)
                .then(mongo.updateMulti(
                        Query.query(where("organizationId").is(organizationId)),
                        new Update().unset("organizationId"),
                        RemovalDocument.class))
                .then();
    }
}
