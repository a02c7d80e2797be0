package org.tocsin.accounts.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** MongoDB access for second factors and half-done sign-ins. Nothing outside accounts uses it. */
@Component
public class TwoFactorStore {

    private final ReactiveMongoTemplate mongo;

    TwoFactorStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<TwoFactorDocument> of(String userId) {
        return mongo.findById(userId, TwoFactorDocument.class);
    }

    /** A new secret to confirm; leaves a confirmed one in place until the new one is confirmed. */
    public Mono<Void> setPending(String userId, String pendingSecret) {
        return mongo.upsert(
                        Query.query(where("_id").is(userId)),
                        new Update().set("pendingSecret", pendingSecret).setOnInsert("lastUsedStep", 0L),
                        TwoFactorDocument.class)
                .then();
    }

    /**
     * Makes the pending secret the one in force, if it is still {@code pendingSecret} and none is in
     * force yet; {@code step} counts as used. False when another request got there first.
     */
    public Mono<Boolean> enable(
            String userId, String pendingSecret, long step, List<String> recoveryHashes, Instant at) {
        return mongo.updateFirst(
                        Query.query(where("_id")
                                .is(userId)
                                .and("pendingSecret")
                                .is(pendingSecret)
                                .and("secret")
                                .isNull()),
                        new Update()
                                .set("secret", pendingSecret)
                                .unset("pendingSecret")
                                .set("enabledAt", at)
                                .set("lastUsedStep", step)
                                .set("recoveryCodes", recoveryHashes),
                        TwoFactorDocument.class)
                .map(r -> r.getModifiedCount() == 1);
    }

    /** Records {@code step} as used if no later or equal step was: false for a replayed code. */
    public Mono<Boolean> useStep(String userId, long step) {
        return mongo.updateFirst(
                        Query.query(where("_id")
                                .is(userId)
                                .and("secret")
                                .ne(null)
                                .and("lastUsedStep")
                                .lt(step)),
                        new Update().set("lastUsedStep", step),
                        TwoFactorDocument.class)
                .map(r -> r.getModifiedCount() == 1);
    }

    /** Spends one recovery code, atomically: false if it was not (or no longer) there. */
    public Mono<Boolean> useRecoveryCode(String userId, String codeHash) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(userId).and("recoveryCodes").is(codeHash)),
                        new Update().pull("recoveryCodes", codeHash),
                        TwoFactorDocument.class)
                .map(r -> r.getModifiedCount() == 1);
    }

    public Mono<Void> replaceRecoveryCodes(String userId, List<String> recoveryHashes) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(userId)),
                        new Update().set("recoveryCodes", recoveryHashes),
                        TwoFactorDocument.class)
                .then();
    }

    public Mono<Boolean> delete(String userId) {
        return mongo.remove(Query.query(where("_id").is(userId)), TwoFactorDocument.class)
                .map(r -> r.getDeletedCount() == 1);
    }

    public Mono<SignInChallengeDocument> insertChallenge(SignInChallengeDocument challenge) {
        return mongo.insert(challenge);
    }

    /** Counts one attempt on a live challenge and answers it (with the attempt counted); empty if none. */
    public Mono<SignInChallengeDocument> attemptChallenge(String id, Instant now) {
        return mongo.findAndModify(
                Query.query(where("_id").is(id).and("expiresAt").gt(now)),
                new Update().inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true),
                SignInChallengeDocument.class);
    }

    public Mono<Void> deleteChallenge(String id) {
        return mongo.remove(Query.query(where("_id").is(id)), SignInChallengeDocument.class)
                .then();
    }

    public Mono<Long> deleteExpiredChallenges(Instant now) {
        return mongo.remove(Query.query(where("expiresAt").lte(now)), SignInChallengeDocument.class)
                .map(r -> r.getDeletedCount());
    }
}
