package org.tocsin.mail.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The mail feature's outbox queue in MongoDB. Every decision is one atomic single-document update,
 * so several replicas can work the same queue (no transactions needed, as on the embedded server).
 */
@Component
public class OutboxStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    OutboxStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(OutboxMail.class)
                .createIndex(new Index().on("dueAt", Sort.Direction.ASC))
                .block();
    }

    public Mono<OutboxMail> insert(OutboxMail mail) {
        return mongo.insert(mail);
    }

    /**
     * Claims the mail due first: a QUEUED one whose time has come, or a SENDING one whose lease has
     * run out (its replica died or hung). Atomic: of several replicas asking at once, one gets it.
     */
    public Mono<OutboxMail> claimNext(Instant now, Instant leaseUntil, String claim) {
        Query due = Query.query(where("dueAt").lte(now)).with(Sort.by("dueAt"));
        Update take = new Update()
                .set("state", OutboxMail.State.SENDING)
                .set("dueAt", leaseUntil)
                .set("claim", claim)
                .inc("attempts", 1);
        return mongo.findAndModify(due, take, FindAndModifyOptions.options().returnNew(true), OutboxMail.class);
    }

    /** Back in the queue for a later attempt, if this attempt still holds it. */
    public Mono<Void> release(String id, String claim, Instant dueAt) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(id).and("claim").is(claim)),
                        new Update()
                                .set("state", OutboxMail.State.QUEUED)
                                .set("dueAt", dueAt)
                                .unset("claim"),
                        OutboxMail.class)
                .then();
    }

    /** Mails waiting (queued or being sent): the queue's depth. */
    public Mono<Long> count() {
        return mongo.count(new Query(), OutboxMail.class);
    }

    public Mono<Void> delete(String id) {
        return mongo.remove(Query.query(where("_id").is(id)), OutboxMail.class).then();
    }

    public Mono<OutboxMail> byId(String id) {
        return mongo.findById(id, OutboxMail.class);
    }
}
