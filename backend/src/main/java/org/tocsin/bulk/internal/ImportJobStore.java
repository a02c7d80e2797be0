package org.tocsin.bulk.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Mono;

/** Import jobs by id: one document each, replaced as the job moves on, its lease renewed while it runs. */
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

    /** The running job's lease renewed; nothing happens once it has finished (or was marked FAILED). */
    public Mono<Void> beat(String id, Instant now) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(id).and("state").in(ImportJobDocument.RUNNING)),
                        Update.update("heartbeatAt", now),
                        ImportJobDocument.class)
                .then();
    }

    /**
     * Running jobs whose lease ran out before {@code cutoff} (their replica stopped), marked FAILED;
     * answers how many. A job stored before heartbeats were kept goes by its last update.
     */
    public Mono<Long> failAbandoned(Instant cutoff, Instant now) {
        return mongo.updateMulti(
                        Query.query(where("state")
                                .in(ImportJobDocument.RUNNING)
                                .orOperator(
                                        where("heartbeatAt").lt(cutoff),
                                        where("heartbeatAt")
                                                .exists(false)
                                                .and("updatedAt")
                                                .lt(cutoff))),
                        new Update()
                                .set("state", ImportJobDocument.State.FAILED)
                                .set("updatedAt", now),
                        ImportJobDocument.class)
                .map(UpdateResult::getModifiedCount);
    }

    /** Finished jobs last changed before {@code cutoff}, deleted; answers how many. */
    public Mono<Long> deleteFinishedBefore(Instant cutoff) {
        return mongo.remove(
                        Query.query(where("state")
                                .in(ImportJobDocument.FINISHED)
                                .and("updatedAt")
                                .lt(cutoff)),
                        ImportJobDocument.class)
                .map(DeleteResult::getDeletedCount);
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
