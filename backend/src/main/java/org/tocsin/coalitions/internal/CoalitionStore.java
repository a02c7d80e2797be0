package org.tocsin.coalitions.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tocsin.coalitions.SubmissionState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The coalitions feature's MongoDB access: calls and submissions. */
@Component
public class CoalitionStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    CoalitionStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var submissions = mongo.indexOps(SubmissionDocument.class);
        Flux.concat(
                        // One submission per event and campaign, whatever the race.
                        submissions.createIndex(new Index()
                                .on("campaignId", Sort.Direction.ASC)
                                .on("eventId", Sort.Direction.ASC)
                                .unique()),
                        submissions.createIndex(new Index().on("eventId", Sort.Direction.ASC)),
                        submissions.createIndex(new Index().on("organizationId", Sort.Direction.ASC)))
                .blockLast();
    }

    public Mono<CallDocument> call(String campaignId) {
        return mongo.findById(campaignId, CallDocument.class);
    }

    public Mono<CallDocument> saveCall(CallDocument call) {
        return mongo.save(call);
    }

    public Mono<SubmissionDocument> insert(SubmissionDocument submission) {
        return mongo.insert(submission);
    }

    public Mono<SubmissionDocument> submission(String campaignId, String id) {
        return mongo.findOne(
                Query.query(where("_id").is(id).and("campaignId").is(campaignId)), SubmissionDocument.class);
    }

    public Mono<SubmissionDocument> byEvent(String campaignId, String eventId) {
        return mongo.findOne(
                Query.query(where("campaignId").is(campaignId).and("eventId").is(eventId)), SubmissionDocument.class);
    }

    /** Every campaign's submission of this event, in whatever state. */
    public Flux<SubmissionDocument> ofEvent(String eventId) {
        return mongo.find(Query.query(where("eventId").is(eventId)), SubmissionDocument.class);
    }

    /**
     * Moves a submission from {@code from} to {@code to} and answers the new state; empty when it was
     * not in {@code from} any more (someone else decided first), so a decision is made, and mailed, once.
     */
    public Mono<SubmissionDocument> transition(
            String id, SubmissionState from, SubmissionState to, String reason, String decidedBy, Instant at) {
        return mongo.findAndModify(
                Query.query(where("_id").is(id).and("state").is(from)),
                new Update()
                        .set("state", to)
                        .set("reason", reason)
                        .set("decidedBy", decidedBy)
                        .set("decidedAt", at),
                FindAndModifyOptions.options().returnNew(true),
                SubmissionDocument.class);
    }

    public Mono<Void> delete(SubmissionDocument submission) {
        return mongo.remove(submission).then();
    }

    /** A campaign's submissions, in a state or all, at most {@code limit}. */
    public Flux<SubmissionDocument> ofCampaign(String campaignId, SubmissionState state, int limit) {
        Criteria criteria = where("campaignId").is(campaignId);
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        return mongo.find(Query.query(criteria).limit(limit), SubmissionDocument.class);
    }

    public Mono<Long> count(String campaignId, String organizationId, SubmissionState state) {
        Criteria criteria = where("campaignId").is(campaignId);
        if (organizationId != null) {
            criteria = criteria.and("organizationId").is(organizationId);
        }
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        return mongo.count(Query.query(criteria), SubmissionDocument.class);
    }

    /** Submissions made by these organizations to any campaign: their history at a glance. */
    public Flux<SubmissionDocument> byOrganizations(Collection<String> organizationIds, int limit) {
        return mongo.find(
                Query.query(where("organizationId").in(organizationIds)).limit(limit), SubmissionDocument.class);
    }

    /** An organization's own submissions, newest first. */
    public Flux<SubmissionDocument> ofOrganization(String organizationId, int limit) {
        return mongo.find(
                Query.query(where("organizationId").is(organizationId))
                        .with(Sort.by(Sort.Direction.DESC, "submittedAt"))
                        .limit(limit),
                SubmissionDocument.class);
    }

    /**
     * A deleted organization's part of coalitions: its submissions to any campaign, the calls and
     * submissions of the campaigns it ran, and its place on other calls' partner lists.
     */
    public Mono<Long> countOfOrganization(String organizationId, Collection<String> campaignIds) {
        return mongo.count(Query.query(submissionsOf(organizationId, campaignIds)), SubmissionDocument.class);
    }

    public Mono<Long> deleteOfOrganization(String organizationId, Collection<String> campaignIds) {
        return mongo.remove(Query.query(submissionsOf(organizationId, campaignIds)), SubmissionDocument.class)
                .map(r -> r.getDeletedCount())
                .flatMap(n -> mongo.remove(Query.query(where("_id").in(campaignIds)), CallDocument.class)
                        .then(mongo.updateMulti(
                                Query.query(where("partners").is(organizationId)),
                                new Update().pull("partners", organizationId),
                                CallDocument.class))
                        .thenReturn(n));
    }

    private static Criteria submissionsOf(String organizationId, Collection<String> campaignIds) {
        return new Criteria()
                .orOperator(
                        where("organizationId").is(organizationId),
                        where("campaignId").in(campaignIds));
    }
}
