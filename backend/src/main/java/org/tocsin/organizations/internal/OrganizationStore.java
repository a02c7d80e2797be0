package org.tocsin.organizations.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tocsin.organizations.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The organizations feature's MongoDB access. Nothing outside organizations uses it. */
@Component
public class OrganizationStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    OrganizationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Flux.concat(
                        mongo.indexOps(OrganizationDocument.class)
                                .createIndex(new Index()
                                        .on("slug", Sort.Direction.ASC)
                                        .unique()),
                        mongo.indexOps(MembershipDocument.class)
                                .createIndex(new Index()
                                        .on("organizationId", Sort.Direction.ASC)
                                        .on("userId", Sort.Direction.ASC)
                                        .unique()),
                        mongo.indexOps(MembershipDocument.class)
                                .createIndex(new Index().on("userId", Sort.Direction.ASC)))
                .blockLast();
    }

    public Mono<OrganizationDocument> insert(OrganizationDocument organization) {
        return mongo.insert(organization);
    }

    public Mono<OrganizationDocument> bySlug(String slug) {
        return mongo.findOne(Query.query(where("slug").is(slug)), OrganizationDocument.class);
    }

    public Mono<OrganizationDocument> byId(String id) {
        return mongo.findById(id, OrganizationDocument.class);
    }

    /**
     * A Collection, not an Iterable: {@code in(Object...)} would take an Iterable for one value and ask
     * for {@code $in: [[...]]}, which matched legacy ObjectId ids only by accident of their conversion.
     */
    public Flux<OrganizationDocument> byIds(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)).with(Sort.by("name")), OrganizationDocument.class);
    }

    public Flux<OrganizationDocument> all(int limit) {
        return mongo.find(new Query().with(Sort.by("name")).limit(limit), OrganizationDocument.class);
    }

    public Mono<OrganizationDocument> update(String id, String name, String description, Instant at) {
        Update update = new Update().set("updatedAt", at);
        if (name != null) {
            update.set("name", name);
        }
        if (description != null) {
            update.set("description", description);
        }
        return mongo.findAndModify(
                Query.query(where("_id").is(id)),
                update,
                FindAndModifyOptions.options().returnNew(true),
                OrganizationDocument.class);
    }

    /** Takes one OWNER away, but only while another remains; empty when this would leave none. */
    public Mono<OrganizationDocument> releaseOwner(String organizationId) {
        return mongo.findAndModify(
                Query.query(where("_id").is(organizationId).and("ownerCount").gt(1)),
                new Update().inc("ownerCount", -1),
                OrganizationDocument.class);
    }

    public Mono<Void> addOwner(String organizationId) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(organizationId)),
                        new Update().inc("ownerCount", 1),
                        OrganizationDocument.class)
                .then();
    }

    public Mono<MembershipDocument> insertMembership(MembershipDocument membership) {
        return mongo.insert(membership);
    }

    public Mono<MembershipDocument> membership(String organizationId, String userId) {
        return mongo.findOne(
                Query.query(
                        where("organizationId").is(organizationId).and("userId").is(userId)),
                MembershipDocument.class);
    }

    public Flux<MembershipDocument> members(String organizationId) {
        return mongo.find(
                Query.query(where("organizationId").is(organizationId)).with(Sort.by("since")),
                MembershipDocument.class);
    }

    public Flux<MembershipDocument> membershipsOf(String userId) {
        return mongo.find(Query.query(where("userId").is(userId)), MembershipDocument.class);
    }

    /** Changes a role only if it is still {@code expected}: two admins acting at once cannot both win. */
    public Mono<Boolean> changeRole(String organizationId, String userId, Role expected, Role role) {
        return mongo.updateFirst(
                        Query.query(where("organizationId")
                                .is(organizationId)
                                .and("userId")
                                .is(userId)
                                .and("role")
                                .is(expected)),
                        new Update().set("role", role),
                        MembershipDocument.class)
                .map(r -> r.getModifiedCount() == 1);
    }

    public Mono<Boolean> removeMembership(String organizationId, String userId, Role expected) {
        return mongo.remove(
                        Query.query(where("organizationId")
                                .is(organizationId)
                                .and("userId")
                                .is(userId)
                                .and("role")
                                .is(expected)),
                        MembershipDocument.class)
                .map(r -> r.getDeletedCount() == 1);
    }

    /** How many members the organization has. */
    public Mono<Long> memberCount(String organizationId) {
        return mongo.count(Query.query(where("organizationId").is(organizationId)), MembershipDocument.class);
    }

    /** The organization's memberships, then the organization itself: the last step of deleting it. */
    public Mono<Long> deleteWithMemberships(String organizationId) {
        return mongo.remove(Query.query(where("organizationId").is(organizationId)), MembershipDocument.class)
                .map(r -> r.getDeletedCount())
                .flatMap(n -> mongo.remove(Query.query(where("_id").is(organizationId)), OrganizationDocument.class)
                        .thenReturn(n));
    }
}
