package org.tocsin.coalitions.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tocsin.coalitions.CoHostState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The co-hosting invitations ({@code event_cohosts}): one document per event and invited organization. */
@Component
public class CoHostStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    CoHostStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var ops = mongo.indexOps(CoHostDocument.class);
        Flux.concat(
                        // One record per event and organization, whatever the race: a second invitation is a 409.
                        ops.createIndex(new Index()
                                .on("eventId", Sort.Direction.ASC)
                                .on("organizationId", Sort.Direction.ASC)
                                .unique()),
                        ops.createIndex(new Index().on("organizationId", Sort.Direction.ASC)))
                .blockLast();
    }

    public Mono<CoHostDocument> insert(CoHostDocument invitation) {
        return mongo.insert(invitation);
    }

    public Mono<CoHostDocument> byId(String id) {
        return mongo.findById(id, CoHostDocument.class);
    }

    public Mono<CoHostDocument> of(String eventId, String organizationId) {
        return mongo.findOne(
                Query.query(where("eventId").is(eventId).and("organizationId").is(organizationId)),
                CoHostDocument.class);
    }

    /** Every invitation of the event, oldest first, at most {@code limit}. */
    public Flux<CoHostDocument> ofEvent(String eventId, int limit) {
        return mongo.find(
                Query.query(where("eventId").is(eventId))
                        .with(Sort.by("invitedAt", "id"))
                        .limit(limit),
                CoHostDocument.class);
    }

    /** How many invitations of the event are open or accepted: what bounds a new one. */
    public Mono<Long> countLive(String eventId) {
        return mongo.count(
                Query.query(where("eventId")
                        .is(eventId)
                        .and("state")
                        .in(CoHostState.PENDING.name(), CoHostState.ACCEPTED.name())),
                CoHostDocument.class);
    }

    /** The organization's invitations in {@code state}, newest first, at most {@code limit}. */
    public Flux<CoHostDocument> toOrganization(String organizationId, CoHostState state, int limit) {
        return mongo.find(
                Query.query(where("organizationId")
                                .is(organizationId)
                                .and("state")
                                .is(state.name()))
                        .with(Sort.by(Sort.Direction.DESC, "invitedAt"))
                        .limit(limit),
                CoHostDocument.class);
    }

    /**
     * Moves the invitation from one of {@code from} to {@code to}; empty when it was in none of them any more
     * (someone else decided first), so a decision is made, audited and mailed once.
     */
    public Mono<CoHostDocument> transition(
            String id, Collection<CoHostState> from, CoHostState to, String decidedBy, Instant at) {
        return mongo.findAndModify(
                Query.query(where("_id")
                        .is(id)
                        .and("state")
                        .in(from.stream().map(Enum::name).toList())),
                new Update().set("state", to).set("decidedBy", decidedBy).set("decidedAt", at),
                FindAndModifyOptions.options().returnNew(true),
                CoHostDocument.class);
    }

    /** A declined or ended invitation made anew (PENDING again), if it still is declined or ended. */
    public Mono<CoHostDocument> reinvite(String id, String invitedBy, Instant at) {
        return mongo.findAndModify(
                Query.query(where("_id").is(id).and("state").in(CoHostState.DECLINED.name(), CoHostState.ENDED.name())),
                new Update()
                        .set("state", CoHostState.PENDING)
                        .set("invitedBy", invitedBy)
                        .set("invitedAt", at)
                        .unset("decidedBy")
                        .unset("decidedAt"),
                FindAndModifyOptions.options().returnNew(true),
                CoHostDocument.class);
    }
}
