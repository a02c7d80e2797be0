package org.tocsin.bulk.internal;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Mono;

/** Import jobs by id: one document each, replaced as the job moves on. */
@Component
public class ImportJobStore {

    private final ReactiveMongoTemplate mongo;

    ImportJobStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<ImportJobDocument> insert(ImportJobDocument job) {
        return mongo.insert(job);
    }

    public Mono<ImportJobDocument> save(ImportJobDocument job) {
        return mongo.save(job);
    }

    public Mono<ImportJobDocument> byId(String id) {
        return Ids.isWellFormed(id) ? mongo.findById(id, ImportJobDocument.class) : Mono.empty();
    }

    public Mono<Long> countOfOrganization(String organizationId) {
        return mongo.count(Query.query(Criteria.where("organizationId").is(organizationId)), ImportJobDocument.class);
    }

    public Mono<Long> deleteOfOrganization(String organizationId) {
        return mongo.remove(Query.query(Criteria.where("organizationId").is(organizationId)), ImportJobDocument.class)
                .map(r -> r.getDeletedCount());
    }
}
