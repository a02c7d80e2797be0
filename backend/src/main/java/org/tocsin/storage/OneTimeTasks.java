package org.tocsin.storage;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Repairs of data stored by older versions, run once per database rather than at every start: each is
 * recorded by name in {@value #COLLECTION} when it has run. Such a repair may read every document (the
 * embedded server has no secondary indexes): forgetting cities that only non-public events named took 15 s
 * of every start with 100,000 events (docs/discovery-benchmark.md). A repair must be idempotent: replicas
 * starting together may both run it before either records it.
 */
@Component
public class OneTimeTasks {

    static final String COLLECTION = "one_time_tasks";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    OneTimeTasks(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Runs {@code task} unless a task named {@code name} ran on this database before; answers whether it ran. */
    public Mono<Boolean> once(String name, Mono<?> task) {
        return mongo.exists(Query.query(where("_id").is(name)), COLLECTION)
                .flatMap(done -> done
                        ? Mono.just(false)
                        : task.then(mongo.save(
                                        new Document("_id", name).append("ranAt", Date.from(clock.instant())),
                                        COLLECTION))
                                .thenReturn(true));
    }
}
