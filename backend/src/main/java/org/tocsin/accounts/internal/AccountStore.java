package org.tocsin.accounts.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
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

/** The accounts feature's MongoDB access: users, sessions and API tokens. Nothing outside accounts uses it. */
@Component
public class AccountStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    AccountStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Unique indexes are what makes "one account per email" hold under concurrent registrations. */
    @Override
    public void afterSingletonsInstantiated() {
        Flux.concat(
                        mongo.indexOps(UserDocument.class)
                                .createIndex(new Index()
                                        .on("email", Sort.Direction.ASC)
                                        .unique()),
                        mongo.indexOps(SessionDocument.class).createIndex(new Index().on("userId", Sort.Direction.ASC)),
                        mongo.indexOps(SessionDocument.class)
                                .createIndex(new Index().on("expiresAt", Sort.Direction.ASC)),
                        mongo.indexOps(ApiTokenDocument.class)
                                .createIndex(new Index()
                                        .on("tokenHash", Sort.Direction.ASC)
                                        .unique()),
                        mongo.indexOps(ApiTokenDocument.class)
                                .createIndex(new Index().on("userId", Sort.Direction.ASC)))
                .blockLast();
    }

    public Mono<UserDocument> insertUser(UserDocument user) {
        return mongo.insert(user);
    }

    public Mono<UserDocument> userById(String id) {
        return mongo.findById(id, UserDocument.class);
    }

    public Mono<UserDocument> userByEmail(String email) {
        return mongo.findOne(Query.query(where("email").is(email)), UserDocument.class);
    }

    public Flux<UserDocument> usersByIds(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), UserDocument.class);
    }

    public Mono<Boolean> changePassword(String userId, String passwordHash, Instant at) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(userId)),
                        new Update().set("passwordHash", passwordHash).set("passwordChangedAt", at),
                        UserDocument.class)
                .map(r -> r.getModifiedCount() == 1);
    }

    /** Marks the address verified; answers whether it was not already. */
    public Mono<Boolean> markEmailVerified(String userId, Instant at) {
        return mongo.updateFirst(
                        Query.query(
                                where("_id").is(userId).and("emailVerifiedAt").isNull()),
                        new Update().set("emailVerifiedAt", at),
                        UserDocument.class)
                .map(r -> r.getModifiedCount() == 1);
    }

    public Mono<Boolean> deleteUser(String userId) {
        return mongo.remove(Query.query(where("_id").is(userId)), UserDocument.class)
                .map(r -> r.getDeletedCount() == 1);
    }

    public Mono<SessionDocument> insertSession(SessionDocument session) {
        return mongo.insert(session);
    }

    public Mono<SessionDocument> liveSession(String id, Instant now) {
        return mongo.findOne(Query.query(where("_id").is(id).and("expiresAt").gt(now)), SessionDocument.class);
    }

    public Mono<Void> touchSession(String id, Instant lastSeenAt, Instant expiresAt) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(id)),
                        new Update().set("lastSeenAt", lastSeenAt).set("expiresAt", expiresAt),
                        SessionDocument.class)
                .then();
    }

    public Mono<Void> deleteSession(String id) {
        return mongo.remove(Query.query(where("_id").is(id)), SessionDocument.class)
                .then();
    }

    public Mono<Long> deleteSessionsOf(String userId, String exceptId) {
        Criteria criteria = where("userId").is(userId);
        if (exceptId != null) {
            criteria = criteria.and("_id").ne(exceptId);
        }
        return mongo.remove(Query.query(criteria), SessionDocument.class).map(r -> r.getDeletedCount());
    }

    /** The user's live sessions, most recently used first, at most {@code limit}. */
    public Flux<SessionDocument> sessionsOf(String userId, Instant now, int limit) {
        return mongo.find(
                Query.query(where("userId").is(userId).and("expiresAt").gt(now))
                        .with(Sort.by(Sort.Direction.DESC, "lastSeenAt"))
                        .limit(limit),
                SessionDocument.class);
    }

    public Mono<Boolean> deleteSessionOf(String userId, String id) {
        return mongo.remove(Query.query(where("_id").is(id).and("userId").is(userId)), SessionDocument.class)
                .map(r -> r.getDeletedCount() == 1);
    }

    public Mono<Long> deleteExpiredSessions(Instant now) {
        return mongo.remove(Query.query(where("expiresAt").lte(now)), SessionDocument.class)
                .map(r -> r.getDeletedCount());
    }

    public Mono<ApiTokenDocument> insertToken(ApiTokenDocument token) {
        return mongo.insert(token);
    }

    public Mono<ApiTokenDocument> tokenByHash(String tokenHash) {
        return mongo.findOne(Query.query(where("tokenHash").is(tokenHash)), ApiTokenDocument.class);
    }

    public Flux<ApiTokenDocument> tokensOf(String userId) {
        return mongo.find(Query.query(where("userId").is(userId)).with(Sort.by("createdAt")), ApiTokenDocument.class);
    }

    public Mono<Boolean> deleteToken(String userId, String tokenId) {
        return mongo.remove(Query.query(where("_id").is(tokenId).and("userId").is(userId)), ApiTokenDocument.class)
                .map(r -> r.getDeletedCount() == 1);
    }

    /** Conditional, so a busy token costs one write a minute, not one a request. */
    /** Revokes every API token of the user; answers how many. */
    public Mono<Long> deleteTokensOf(String userId) {
        return mongo.remove(Query.query(where("userId").is(userId)), ApiTokenDocument.class)
                .map(r -> r.getDeletedCount());
    }

    public Mono<Void> markTokenUsed(String tokenId, Instant now) {
        return mongo.updateFirst(
                        Query.query(where("_id")
                                .is(tokenId)
                                .orOperator(
                                        where("lastUsedAt").isNull(),
                                        where("lastUsedAt").lt(now.minusSeconds(60)))),
                        new Update().set("lastUsedAt", now),
                        ApiTokenDocument.class)
                .then();
    }
}
