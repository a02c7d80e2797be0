package org.tocsin.accounts.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** MongoDB access for passkeys and their pending challenges. Nothing outside accounts uses it. */
@Component
public class PasskeyStore {

    private final ReactiveMongoTemplate mongo;

    PasskeyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Flux<PasskeyDocument> of(String userId) {
        return mongo.find(
                Query.query(where("userId").is(userId)).with(Sort.by("createdOn", "_id")), PasskeyDocument.class);
    }

    public Mono<Boolean> any(String userId) {
        return mongo.exists(Query.query(where("userId").is(userId)), PasskeyDocument.class);
    }

    public Mono<Long> count(String userId) {
        return mongo.count(Query.query(where("userId").is(userId)), PasskeyDocument.class);
    }

    /** The account's passkey with this credential id; empty for another account's or an unknown one. */
    public Mono<PasskeyDocument> find(String userId, String credentialId) {
        return mongo.findOne(
                Query.query(where("userId").is(userId).and("credentialId").is(credentialId)), PasskeyDocument.class);
    }

    /** Whether any account holds this credential id (an authenticator makes a new one each time; a copy is refused). */
    public Mono<Boolean> credentialTaken(String credentialId) {
        return mongo.exists(Query.query(where("credentialId").is(credentialId)), PasskeyDocument.class);
    }

    public Mono<PasskeyDocument> insert(PasskeyDocument passkey) {
        return mongo.insert(passkey);
    }

    /**
     * Records a use, if the counter is still what was checked: false when another sign-in with the same
     * passkey got there first (then this one is refused, as a replay would be).
     */
    public Mono<Boolean> used(String id, long checkedCount, long newCount, LocalDate on) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(id).and("signCount").is(checkedCount)),
                        new Update().set("signCount", newCount).set("lastUsedOn", on),
                        PasskeyDocument.class)
                .map(r -> r.getModifiedCount() == 1);
    }

    /** Removes the account's passkey; empty when it has none by this id. */
    public Mono<PasskeyDocument> delete(String userId, String id) {
        return mongo.findAndRemove(Query.query(where("_id").is(id).and("userId").is(userId)), PasskeyDocument.class);
    }

    public Mono<Long> deleteAllOf(String userId) {
        return mongo.remove(Query.query(where("_id").is(userId)), PasskeyRegistrationDocument.class)
                .then(mongo.remove(Query.query(where("_id").is(userId)), PasskeyReconfirmationDocument.class))
                .then(mongo.remove(Query.query(where("userId").is(userId)), PasskeyDocument.class))
                .map(r -> r.getDeletedCount());
    }

    public Mono<Void> startRegistration(PasskeyRegistrationDocument registration) {
        return mongo.save(registration).then();
    }

    /** Takes the account's pending registration, once: empty if there is none or it expired. */
    public Mono<PasskeyRegistrationDocument> takeRegistration(String userId, Instant now) {
        return mongo.findAndRemove(
                Query.query(where("_id").is(userId).and("expiresAt").gt(now)), PasskeyRegistrationDocument.class);
    }

    public Mono<Void> startReconfirmation(PasskeyReconfirmationDocument reconfirmation) {
        return mongo.save(reconfirmation).then();
    }

    /** Takes the account's pending reconfirmation challenge, once: empty if there is none or it expired. */
    public Mono<String> takeReconfirmation(String userId, Instant now) {
        return mongo.findAndRemove(
                        Query.query(where("_id").is(userId).and("expiresAt").gt(now)),
                        PasskeyReconfirmationDocument.class)
                .map(PasskeyReconfirmationDocument::challenge);
    }

    /** The challenge a half-done sign-in's passkey must sign; replaces any earlier one. */
    public Mono<Boolean> setSignInChallenge(String signInChallengeId, String challenge, Instant now) {
        return mongo.updateFirst(
                        Query.query(where("_id")
                                .is(signInChallengeId)
                                .and("expiresAt")
                                .gt(now)),
                        new Update().set("passkeyChallenge", challenge),
                        SignInChallengeDocument.class)
                .map(r -> r.getModifiedCount() == 1);
    }

    /** Takes a half-done sign-in's passkey challenge, once: empty if none was asked for (or it was used). */
    public Mono<String> takeSignInChallenge(String signInChallengeId, Instant now) {
        return mongo.findAndModify(
                        Query.query(where("_id")
                                .is(signInChallengeId)
                                .and("expiresAt")
                                .gt(now)
                                .and("passkeyChallenge")
                                .ne(null)),
                        new Update().unset("passkeyChallenge"),
                        FindAndModifyOptions.options().returnNew(false),
                        SignInChallengeDocument.class)
                .mapNotNull(SignInChallengeDocument::passkeyChallenge);
    }

    public Mono<Long> deleteExpiredRegistrations(Instant now) {
        return mongo.remove(Query.query(where("expiresAt").lte(now)), PasskeyRegistrationDocument.class)
                .zipWith(mongo.remove(Query.query(where("expiresAt").lte(now)), PasskeyReconfirmationDocument.class))
                .map(t -> t.getT1().getDeletedCount() + t.getT2().getDeletedCount());
    }
}
