package org.tocsin.accounts.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The suspensions collection. */
@Component
public class SuspensionStore {

    private final ReactiveMongoTemplate mongo;

    SuspensionStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<SuspensionDocument> save(SuspensionDocument suspension) {
        return mongo.save(suspension);
    }

    public Mono<Boolean> exists(String userId) {
        return mongo.exists(Query.query(where("_id").is(userId)), SuspensionDocument.class);
    }

    public Mono<Boolean> remove(String userId) {
        return mongo.remove(Query.query(where("_id").is(userId)), SuspensionDocument.class)
                .map(r -> r.getDeletedCount() > 0);
    }

    public Flux<SuspensionDocument> all(int limit) {
        return mongo.find(new Query().limit(limit), SuspensionDocument.class);
    }
}
