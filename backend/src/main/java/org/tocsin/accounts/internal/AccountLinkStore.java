package org.tocsin.accounts.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Mailed account links. Nothing outside accounts uses it. */
@Component
public class AccountLinkStore {

    private final ReactiveMongoTemplate mongo;

    AccountLinkStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<AccountLinkDocument> insert(AccountLinkDocument link) {
        return mongo.insert(link);
    }

    public Mono<AccountLinkDocument> live(String id, AccountLinkDocument.Purpose purpose, Instant now) {
        return mongo.findOne(query(id, purpose, now), AccountLinkDocument.class);
    }

    /** Takes the link if it is live and for {@code purpose}: of two requests with it, one gets it. */
    public Mono<AccountLinkDocument> take(String id, AccountLinkDocument.Purpose purpose, Instant now) {
        return mongo.findAndRemove(query(id, purpose, now), AccountLinkDocument.class);
    }

    public Mono<Long> deleteOf(String userId, AccountLinkDocument.Purpose purpose) {
        return mongo.remove(
                        Query.query(where("userId").is(userId).and("purpose").is(purpose)), AccountLinkDocument.class)
                .map(r -> r.getDeletedCount());
    }

    /** Whether the person has a link for {@code purpose} that still works. */
    public Mono<Boolean> anyLive(String userId, AccountLinkDocument.Purpose purpose, Instant now) {
        return mongo.exists(
                Query.query(where("userId")
                        .is(userId)
                        .and("purpose")
                        .is(purpose)
                        .and("expiresAt")
                        .gt(now)),
                AccountLinkDocument.class);
    }

    public Mono<Long> deleteExpired(Instant now) {
        return mongo.remove(Query.query(where("expiresAt").lte(now)), AccountLinkDocument.class)
                .map(r -> r.getDeletedCount());
    }

    private static Query query(String id, AccountLinkDocument.Purpose purpose, Instant now) {
        return Query.query(
                where("_id").is(id).and("purpose").is(purpose).and("expiresAt").gt(now));
    }
}
