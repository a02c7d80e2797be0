package org.tocsin.webhooks.internal;

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

/**
 * Endpoints and the delivery queue. As in the mail outbox, each decision is one atomic single-document
 * update (claim with a lease, release, settle), so several replicas can work the same queue.
 */
@Component
public class WebhookStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    WebhookStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(WebhookEndpoint.class)
                .createIndex(new Index().on("organizationId", Sort.Direction.ASC))
                .then(mongo.indexOps(WebhookDelivery.class).createIndex(new Index().on("dueAt", Sort.Direction.ASC)))
                .then(mongo.indexOps(WebhookDelivery.class)
                        .createIndex(new Index().on("endpointId", Sort.Direction.ASC)))
                .block();
    }

    public Mono<WebhookEndpoint> insert(WebhookEndpoint endpoint) {
        return mongo.insert(endpoint);
    }

    public Mono<WebhookEndpoint> save(WebhookEndpoint endpoint) {
        return mongo.save(endpoint);
    }

    public Mono<WebhookEndpoint> endpoint(String id) {
        return mongo.findById(id, WebhookEndpoint.class);
    }

    public Flux<WebhookEndpoint> endpoints(String organizationId, int limit) {
        return mongo.find(
                Query.query(where("organizationId").is(organizationId))
                        .with(Sort.by("createdAt"))
                        .limit(limit),
                WebhookEndpoint.class);
    }

    public Mono<Long> countEndpoints(String organizationId) {
        return mongo.count(Query.query(where("organizationId").is(organizationId)), WebhookEndpoint.class);
    }

    public Mono<Void> deleteEndpoint(String id) {
        return mongo.remove(Query.query(where("_id").is(id)), WebhookEndpoint.class)
                .then(mongo.remove(Query.query(where("endpointId").is(id)), WebhookDelivery.class))
                .then();
    }

    public Mono<WebhookDelivery> insert(WebhookDelivery delivery) {
        return mongo.insert(delivery);
    }

    public Mono<WebhookDelivery> delivery(String id) {
        return mongo.findById(id, WebhookDelivery.class);
    }

    public Flux<WebhookDelivery> deliveries(String endpointId, int limit) {
        return mongo.find(
                Query.query(where("endpointId").is(endpointId))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                        .limit(limit),
                WebhookDelivery.class);
    }

    /** The due delivery first in line: PENDING and due, or SENDING with a lease run out. */
    public Mono<WebhookDelivery> claimNext(Instant now, Instant leaseUntil, String claim) {
        return mongo.findAndModify(
                Query.query(where("dueAt")
                                .lte(now)
                                .and("state")
                                .in(WebhookDelivery.State.PENDING, WebhookDelivery.State.SENDING))
                        .with(Sort.by("dueAt")),
                new Update()
                        .set("state", WebhookDelivery.State.SENDING)
                        .set("dueAt", leaseUntil)
                        .set("claim", claim)
                        .inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true),
                WebhookDelivery.class);
    }

    /** Whether a delivery of the same endpoint and event, made before this one, is still unsettled. */
    public Mono<Boolean> hasEarlierPending(WebhookDelivery d) {
        return mongo.exists(
                Query.query(where("orderKey")
                        .is(d.orderKey())
                        .and("state")
                        .in(WebhookDelivery.State.PENDING, WebhookDelivery.State.SENDING)
                        .and("seq")
                        .lt(d.seq())),
                WebhookDelivery.class);
    }

    /** Settles the attempt that holds the claim: back in line (PENDING, due later) or finished. */
    public Mono<Void> settle(
            String id,
            String claim,
            WebhookDelivery.State state,
            Instant dueAt,
            int status,
            String error,
            Long latencyMillis,
            Instant finishedAt,
            boolean countAttempt) {
        Update update = new Update()
                .set("state", state)
                .set("dueAt", dueAt)
                .set("lastStatus", status)
                .set("lastError", error)
                .set("latencyMillis", latencyMillis)
                .set("finishedAt", finishedAt)
                .unset("claim");
        if (!countAttempt) {
            update.inc("attempts", -1);
        }
        return mongo.updateFirst(Query.query(where("_id").is(id).and("claim").is(claim)), update, WebhookDelivery.class)
                .then();
    }

    /** Settled deliveries older than {@code before}: the log is kept for a while, not for ever. */
    public Mono<Void> forgetSettledBefore(Instant before) {
        return mongo.remove(
                        Query.query(where("createdAt")
                                .lt(before)
                                .and("state")
                                .in(WebhookDelivery.State.DELIVERED, WebhookDelivery.State.FAILED)),
                        WebhookDelivery.class)
                .then();
    }

    /** A deleted organization's endpoints and every delivery queued or logged for them. */
    public Mono<Long> deleteOfOrganization(String organizationId) {
        return mongo.remove(Query.query(where("organizationId").is(organizationId)), WebhookDelivery.class)
                .then(mongo.remove(Query.query(where("organizationId").is(organizationId)), WebhookEndpoint.class))
                .map(r -> r.getDeletedCount());
    }
}
