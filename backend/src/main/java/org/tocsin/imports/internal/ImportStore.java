package org.tocsin.imports.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sources and the UID-to-event mapping. A due source is claimed by one atomic update, as the mail outbox does. */
@Component
public class ImportStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    ImportStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(ImportSourceDocument.class)
                .createIndex(new Index().on("organizationId", Sort.Direction.ASC))
                .then(mongo.indexOps(ImportSourceDocument.class)
                        .createIndex(new Index().on("nextSyncAt", Sort.Direction.ASC)))
                .then(mongo.indexOps(ImportedEventDocument.class)
                        .createIndex(new Index().on("sourceId", Sort.Direction.ASC)))
                .block();
    }

    public Mono<ImportSourceDocument> insert(ImportSourceDocument source) {
        return mongo.insert(source);
    }

    public Mono<ImportSourceDocument> save(ImportSourceDocument source) {
        return mongo.save(source);
    }

    public Mono<ImportSourceDocument> source(String id) {
        return mongo.findById(id, ImportSourceDocument.class);
    }

    public Flux<ImportSourceDocument> sources(String organizationId, int limit) {
        return mongo.find(
                Query.query(where("organizationId").is(organizationId))
                        .with(Sort.by("createdAt"))
                        .limit(limit),
                ImportSourceDocument.class);
    }

    public Mono<Long> countSources(String organizationId) {
        return mongo.count(Query.query(where("organizationId").is(organizationId)), ImportSourceDocument.class);
    }

    public Mono<Void> deleteSource(String id) {
        return mongo.remove(Query.query(where("_id").is(id)), ImportSourceDocument.class)
                .then();
    }

    /** The URL source due first, leased until {@code leaseUntil} so no other sync takes it meanwhile. */
    public Mono<ImportSourceDocument> claimDue(Instant now, Instant leaseUntil) {
        return mongo.findAndModify(
                Query.query(where("nextSyncAt").lte(now).and("url").ne(null).andOperator(free(now)))
                        .with(Sort.by("nextSyncAt")),
                new Update().set("leaseUntil", leaseUntil),
                FindAndModifyOptions.options().returnNew(true),
                ImportSourceDocument.class);
    }

    /** The source, leased for a sync asked for now; empty if another sync holds it. */
    public Mono<ImportSourceDocument> claim(String id, Instant now, Instant leaseUntil) {
        return mongo.findAndModify(
                Query.query(where("_id").is(id).andOperator(free(now))),
                new Update().set("leaseUntil", leaseUntil),
                FindAndModifyOptions.options().returnNew(true),
                ImportSourceDocument.class);
    }

    private static Criteria free(Instant now) {
        return new Criteria()
                .orOperator(where("leaseUntil").is(null), where("leaseUntil").lte(now));
    }

    public Mono<ImportedEventDocument> imported(String id) {
        return mongo.findById(id, ImportedEventDocument.class);
    }

    public Flux<ImportedEventDocument> importedFrom(String sourceId) {
        return mongo.find(Query.query(where("sourceId").is(sourceId)), ImportedEventDocument.class);
    }

    public Mono<ImportedEventDocument> save(ImportedEventDocument imported) {
        return mongo.save(imported);
    }

    public Mono<Void> forgetImportsOf(String sourceId) {
        return mongo.remove(Query.query(where("sourceId").is(sourceId)), ImportedEventDocument.class)
                .then();
    }

    /** A deleted organization's sources and what they remembered of the events they wrote. */
    public Mono<Long> deleteOfOrganization(String organizationId) {
        return mongo.remove(Query.query(where("organizationId").is(organizationId)), ImportedEventDocument.class)
                .then(mongo.remove(Query.query(where("organizationId").is(organizationId)), ImportSourceDocument.class))
                .map(r -> r.getDeletedCount());
    }
}
