package org.tocsin.organizations.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Which organizations require two-factor sign-in of their organizers. */
@Component
public class TwoFactorPolicyStore {

    private final ReactiveMongoTemplate mongo;

    TwoFactorPolicyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Boolean> required(String organizationId) {
        return mongo.findOne(
                        Query.query(
                                where("_id").is(organizationId).and("required").is(true)),
                        TwoFactorPolicyDocument.class)
                .hasElement();
    }

    /** Of {@code organizationIds}, those that require it. */
    public Mono<Set<String>> requiring(Collection<String> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return mongo.find(
                        Query.query(
                                where("_id").in(organizationIds).and("required").is(true)),
                        TwoFactorPolicyDocument.class)
                .map(TwoFactorPolicyDocument::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Mono<Void> set(String organizationId, boolean required, Instant at) {
        return mongo.upsert(
                        Query.query(where("_id").is(organizationId)),
                        new Update().set("required", required).set("since", at),
                        TwoFactorPolicyDocument.class)
                .then();
    }

    public Mono<Void> delete(String organizationId) {
        return mongo.remove(Query.query(where("_id").is(organizationId)), TwoFactorPolicyDocument.class)
                .then();
    }
}
