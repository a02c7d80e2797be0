package org.tocsin.organizations.internal;

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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The invitations' MongoDB access (organizations feature only). */
@Component
public class InvitationStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    InvitationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Flux.concat(
                        mongo.indexOps(InvitationDocument.class)
                                .createIndex(new Index()
                                        .on("tokenHash", Sort.Direction.ASC)
                                        .unique()),
                        mongo.indexOps(InvitationDocument.class)
                                .createIndex(new Index().on("organizationId", Sort.Direction.ASC)),
                        mongo.indexOps(InvitationDocument.class)
                                .createIndex(new Index().on("expiresAt", Sort.Direction.ASC)))
                .blockLast();
    }

    public Mono<InvitationDocument> insert(InvitationDocument invitation) {
        return mongo.insert(invitation);
    }

    /** An invitation that still admits someone at {@code now}: not expired, not used up, not revoked (deleted). */
    public Mono<InvitationDocument> open(String tokenHash, Instant now) {
        return mongo.findOne(
                        Query.query(where("tokenHash")
                                .is(tokenHash)
                                .and("expiresAt")
                                .gt(now)),
                        InvitationDocument.class)
                .filter(i -> i.uses() < i.maxUses());
    }

    /** The open invitations of one organization, newest first. */
    public Flux<InvitationDocument> openOf(String organizationId, Instant now) {
        return mongo.find(
                        Query.query(where("organizationId")
                                        .is(organizationId)
                                        .and("expiresAt")
                                        .gt(now))
                                .with(Sort.by(Sort.Direction.DESC, "createdAt")),
                        InvitationDocument.class)
                .filter(i -> i.uses() < i.maxUses());
    }

    /**
     * Takes one use, atomically, only while {@code uses < maxUses} and the invitation has not expired;
     * empty when none is left (or it was revoked meanwhile). {@code maxUses} never changes once issued.
     */
    public Mono<InvitationDocument> takeUse(InvitationDocument invitation, Instant now) {
        return mongo.findAndModify(
                Query.query(where("_id")
                        .is(invitation.id())
                        .and("expiresAt")
                        .gt(now)
                        .and("uses")
                        .lt(invitation.maxUses())),
                new Update().inc("uses", 1),
                FindAndModifyOptions.options().returnNew(true),
                InvitationDocument.class);
    }

    /** Gives a use back after the membership could not be written. */
    public Mono<Void> giveBackUse(String id) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(id).and("uses").gt(0)),
                        new Update().inc("uses", -1),
                        InvitationDocument.class)
                .then();
    }

    /** A used-up invitation is of no further use: delete it at once (keep the least data). */
    public Mono<Void> deleteIfUsedUp(String id, int maxUses) {
        return mongo.remove(Query.query(where("_id").is(id).and("uses").gte(maxUses)), InvitationDocument.class)
                .then();
    }

    public Mono<Boolean> revoke(String organizationId, String id) {
        return mongo.remove(
                        Query.query(where("_id").is(id).and("organizationId").is(organizationId)),
                        InvitationDocument.class)
                .map(r -> r.getDeletedCount() == 1);
    }

    public Mono<Long> deleteExpiredBefore(Instant now) {
        return mongo.remove(Query.query(where("expiresAt").lte(now)), InvitationDocument.class)
                .map(r -> r.getDeletedCount());
    }

    /** Every invitation of the organization, open or not (it is being deleted). */
    public Mono<Long> deleteOf(String organizationId) {
        return mongo.remove(Query.query(where("organizationId").is(organizationId)), InvitationDocument.class)
                .map(r -> r.getDeletedCount());
    }

    public Mono<Long> countOf(String organizationId) {
        return mongo.count(Query.query(where("organizationId").is(organizationId)), InvitationDocument.class);
    }
}
