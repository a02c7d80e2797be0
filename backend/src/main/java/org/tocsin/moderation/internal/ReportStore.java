package org.tocsin.moderation.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reports collection. */
@Component
public class ReportStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    ReportStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var indexes = mongo.indexOps(ReportDocument.class);
        Flux.concat(
                        indexes.createIndex(
                                new Index().on("state", Sort.Direction.ASC).on("at", Sort.Direction.DESC)),
                        indexes.createIndex(new Index().on("targetId", Sort.Direction.ASC)))
                .blockLast();
    }

    public Mono<ReportDocument> insert(ReportDocument report) {
        return mongo.insert(report);
    }

    public Mono<Long> openAbout(String targetId) {
        return mongo.count(
                Query.query(where("targetId").is(targetId).and("state").is("OPEN")), ReportDocument.class);
    }

    public Flux<ReportDocument> inState(String state, int limit) {
        return mongo.find(
                Query.query(where("state").is(state))
                        .with(Sort.by(Sort.Direction.DESC, "at"))
                        .limit(limit),
                ReportDocument.class);
    }

    public Mono<ReportDocument> byId(String id) {
        return mongo.findById(id, ReportDocument.class);
    }

    /** Decides an open report; empty when it is no longer open. */
    public Mono<ReportDocument> decide(String id, String state, String by, Instant at) {
        return mongo.findAndModify(
                Query.query(where("_id").is(id).and("state").is("OPEN")),
                new Update().set("state", state).set("decidedBy", by).set("decidedAt", at),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options()
                        .returnNew(true),
                ReportDocument.class);
    }

    /** Every open report about the target, settled by a moderator's action on it. */
    public Mono<Long> settleAbout(String targetId, String by, Instant at) {
        return mongo.updateMulti(
                        Query.query(where("targetId").is(targetId).and("state").is("OPEN")),
                        new Update().set("state", "ACTED").set("decidedBy", by).set("decidedAt", at),
                        ReportDocument.class)
                .map(r -> r.getModifiedCount());
    }

    /** Settled reports are kept for a while (the queue's history), then go. */
    public Mono<Long> deleteSettledBefore(Instant cutoff) {
        return mongo.remove(
                        Query.query(where("state").ne("OPEN").and("decidedAt").lt(cutoff)), ReportDocument.class)
                .map(r -> r.getDeletedCount());
    }

    /** Reports about a deleted organization or its events: nothing is left to moderate. */
    public Mono<Long> countOfOrganization(String organizationId) {
        return mongo.count(Query.query(where("organizationId").is(organizationId)), ReportDocument.class);
    }

    public Mono<Long> deleteOfOrganization(String organizationId) {
        return mongo.remove(Query.query(where("organizationId").is(organizationId)), ReportDocument.class)
                .map(r -> r.getDeletedCount());
    }
}
