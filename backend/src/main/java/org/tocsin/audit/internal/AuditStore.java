package org.tocsin.audit.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit collection: newest first per organization, paged by (at, id). */
@Component
public class AuditStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    AuditStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var indexes = mongo.indexOps(AuditDocument.class);
        Flux.concat(
                        indexes.createIndex(new Index()
                                .on("organizationId", Sort.Direction.ASC)
                                .on("at", Sort.Direction.DESC)),
                        indexes.createIndex(new Index().on("at", Sort.Direction.ASC)))
                .blockLast();
    }

    public Mono<AuditDocument> insert(AuditDocument entry) {
        return mongo.insert(entry);
    }

    /**
     * A page of one organization's log (or of one campaign's entries in it), newest first, strictly
     * before the cursor ({@code beforeAt}, {@code beforeId}) when one is given.
     */
    public Flux<AuditDocument> page(
            String organizationId, String campaignId, Instant beforeAt, String beforeId, int limit) {
        Criteria criteria = where("organizationId").is(organizationId);
        if (campaignId != null) {
            criteria = criteria.and("campaignId").is(campaignId);
        }
        if (beforeAt != null) {
            criteria = criteria.orOperator(
                    where("at").lt(beforeAt),
                    where("at").is(beforeAt).and("_id").lt(beforeId));
        }
        return mongo.find(
                Query.query(criteria)
                        .with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "_id")))
                        .limit(limit),
                AuditDocument.class);
    }

    /** Entries the person made or that were about them, newest first. */
    public Flux<AuditDocument> about(String userId, int limit) {
        return mongo.find(
                Query.query(new Criteria()
                                .orOperator(
                                        where("actorId").is(userId),
                                        where("subjectUserId").is(userId)))
                        .with(Sort.by(Sort.Direction.DESC, "at"))
                        .limit(limit),
                AuditDocument.class);
    }

    /** How many entries name the person, as actor or as the member an action was about. */
    public Mono<Long> countAbout(String userId) {
        return mongo.count(
                Query.query(new Criteria()
                        .orOperator(
                                where("actorId").is(userId),
                                where("subjectUserId").is(userId))),
                AuditDocument.class);
    }

    /**
     * The person's id taken out of every entry (as actor and as subject): the organization keeps the record
     * of what happened, no longer who did it. Answers how many names went.
     */
    public Mono<Long> forget(String userId) {
        Mono<Long> asActor = mongo.updateMulti(
                        Query.query(where("actorId").is(userId)), new Update().unset("actorId"), AuditDocument.class)
                .map(r -> r.getModifiedCount());
        Mono<Long> asSubject = mongo.updateMulti(
                        Query.query(where("subjectUserId").is(userId)),
                        new Update().unset("subjectUserId"),
                        AuditDocument.class)
                .map(r -> r.getModifiedCount());
        return asActor.zipWith(asSubject, Long::sum);
    }

    public Mono<Long> deleteBefore(Instant cutoff) {
        return mongo.remove(Query.query(where("at").lt(cutoff)), AuditDocument.class)
                .map(r -> r.getDeletedCount());
    }

    /** Every entry of a deleted organization, or of its deleted campaigns; the number removed. */
    public Mono<Long> deleteOf(String organizationId, java.util.Collection<String> campaignIds) {
        Query query = Query.query(new org.springframework.data.mongodb.core.query.Criteria()
                .orOperator(
                        where("organizationId").is(organizationId),
                        where("campaignId").in(campaignIds)));
        return mongo.remove(query, AuditDocument.class).map(r -> r.getDeletedCount());
    }
}
