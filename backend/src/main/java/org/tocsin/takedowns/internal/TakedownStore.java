package org.tocsin.takedowns.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The takedowns collection: few documents, read whole. */
@Component
public class TakedownStore {

    private final ReactiveMongoTemplate mongo;

    TakedownStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Flux<TakedownDocument> all() {
        return mongo.findAll(TakedownDocument.class);
    }

    public Mono<TakedownDocument> save(TakedownDocument takedown) {
        return mongo.save(takedown);
    }

    /** Whether there was one to remove. */
    public Mono<Boolean> remove(String id) {
        return mongo.remove(Query.query(where("_id").is(id)), TakedownDocument.class)
                .map(r -> r.getDeletedCount() > 0);
    }
}
