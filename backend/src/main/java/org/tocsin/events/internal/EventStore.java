package org.tocsin.events.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The events feature's MongoDB access. The indexes serve a real MongoDB (the embedded server
 * accepts and ignores them): the discovery read model loads by {@code updatedAt}, range queries
 * use {@code lastEndUtc}, organization pages use {@code organizationId}.
 */
@Component
public class EventStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    EventStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var indexes = mongo.indexOps(EventDocument.class);
        Flux.concat(
                        indexes.createIndex(new Index().on("updatedAt", Sort.Direction.ASC)),
                        indexes.createIndex(new Index()
                                .on("organizationId", Sort.Direction.ASC)
                                .on("startUtc", Sort.Direction.ASC)),
                        indexes.createIndex(new Index().on("campaignId", Sort.Direction.ASC)),
                        indexes.createIndex(new Index().on("lastEndUtc", Sort.Direction.ASC)),
                        indexes.createIndex(new Index().on("place.cityKey", Sort.Direction.ASC)))
                .blockLast();
    }

    /** The keys of the cities that PUBLIC events (deleted ones too, until purged) name. */
    public Flux<String> publicCityKeys() {
        return mongo.findDistinct(
                Query.query(where("visibility").is("PUBLIC").and("place").ne(null)),
                "place.cityKey",
                EventDocument.class,
                String.class);
    }

    public Mono<EventDocument> insert(EventDocument event) {
        return mongo.insert(event);
    }

    /** New events in one insert (a bulk import's batch); each document is whole, none is partly written. */
    public Mono<Void> insertAll(java.util.List<EventDocument> events) {
        return mongo.insert(events, EventDocument.class).then();
    }

    /** Optimistic: fails with OptimisticLockingFailureException when someone saved in between. */
    public Mono<EventDocument> save(EventDocument event) {
        return mongo.save(event);
    }

    /**
     * The event re-stamped (updatedAt, version) with nothing else changed: other replicas' read models and
     * partners' mirrors re-read it after a moderator hid or restored it. Retried when an edit came in between.
     */
    public Mono<EventDocument> touch(String id, Instant now) {
        return Mono.defer(() ->
                        byId(id).flatMap(e -> save(e.toBuilder().updatedAt(now).build())))
                .retryWhen(reactor.util.retry.Retry.max(3)
                        .filter(org.springframework.dao.OptimisticLockingFailureException.class::isInstance));
    }

    public Mono<EventDocument> byId(String id) {
        // Not a shape any id has: not found, without a query built from whatever the path held.
        if (!Ids.isWellFormed(id)) {
            return Mono.empty();
        }
        return mongo.findById(id, EventDocument.class).filter(e -> e.deletedAt() == null);
    }

    /**
     * The events with these ids, deleted ones left out, in no set order: one query on the id alone, which
     * the embedded server answers from its id index (any other condition would make it scan).
     */
    public Flux<EventDocument> byIds(java.util.Collection<String> ids) {
        java.util.List<String> wellFormed =
                ids.stream().filter(Ids::isWellFormed).toList();
        return wellFormed.isEmpty()
                ? Flux.empty()
                : mongo.find(Query.query(where("_id").in(wellFormed)), EventDocument.class)
                        .filter(e -> e.deletedAt() == null);
    }

    /** Everything changed since {@code since}, tombstones included: how read models catch up. */
    public Flux<EventDocument> changedSince(Instant since) {
        return mongo.find(Query.query(where("updatedAt").gt(since)).with(Sort.by("updatedAt")), EventDocument.class);
    }

    /**
     * Up to {@code limit} events a caller lists (what {@code events.EventAudience} decides, as a query:
     * PUBLIC, or of an organization in {@code memberOf}), not deleted, changed after the position
     * ({@code afterUpdatedAt}, {@code afterId}) and at the latest at {@code upTo}, in (updatedAt, id) order:
     * the delta-sync feed's page. The condition names only what the caller lists, so neither the page nor
     * where it ends depends on anything hidden.
     */
    public Flux<EventDocument> listedChanges(
            Instant afterUpdatedAt,
            String afterId,
            Instant upTo,
            Set<String> memberOf,
            TakenDown takenDown,
            int limit) {
        // Moderators' takedowns read like deletions to strangers: left out of what they list.
        Criteria toStrangers = new Criteria()
                .andOperator(
                        where("visibility").is("PUBLIC"),
                        // Drafts are out for nobody but their organization (EventDocument.isDraft).
                        where("publication.draft").ne(true),
                        where("id").nin(takenDown.events()),
                        where("organizationId").nin(takenDown.organizations()));
        Criteria audience = memberOf.isEmpty()
                ? toStrangers
                : new Criteria().orOperator(toStrangers, where("organizationId").in(memberOf));
        Criteria position = new Criteria()
                .orOperator(
                        where("updatedAt").gt(afterUpdatedAt),
                        new Criteria()
                                .andOperator(
                                        where("updatedAt").is(afterUpdatedAt),
                                        where("id").gt(afterId)));
        Query query = Query.query(new Criteria()
                        .andOperator(
                                where("deletedAt").isNull(), where("updatedAt").lte(upTo), position, audience))
                .with(Sort.by("updatedAt", "id"))
                .limit(limit);
        return mongo.find(query, EventDocument.class);
    }

    /** The ids moderators took down (events, and organizations with all their events). */
    public record TakenDown(Set<String> events, Set<String> organizations) {}
    /** An organization's drafts, soonest first, at most {@code limit}: its members' list of what is not out yet. */
    public Flux<EventDocument> drafts(String organizationId, int limit) {
        return mongo.find(
                Query.query(where("organizationId")
                                .is(organizationId)
                                .and("publication.draft")
                                .is(true)
                                .and("deletedAt")
                                .isNull())
                        .with(Sort.by("startUtc", "_id"))
                        .limit(limit),
                EventDocument.class);
    }

    /**
     * Publishes a draft if it is still the same draft with the same time: one atomic update, so of two
     * replicas (or two runs) exactly one gets the event back, and only that one announces it.
     */
    public Mono<EventDocument> claimPublication(EventDocument draft, Instant now) {
        return mongo.findAndModify(
                Query.query(where("_id")
                        .is(draft.id())
                        .and("publication.draft")
                        .is(true)
                        .and("publication.at")
                        .is(draft.publication().at())
                        .and("deletedAt")
                        .isNull()),
                new Update().unset("publication").set("updatedAt", now).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true),
                EventDocument.class);
    }

    /**
     * Makes the location public if the event still keeps it for attendees until the same instant: of two
     * replicas, one gets the event back (and tells the attendees), the other nothing. SEQUENCE rises:
     * calendar apps replace the copy without a location.
     */
    public Mono<EventDocument> claimReveal(EventDocument event, List<String> publicTerms, Instant now) {
        return mongo.findAndModify(
                Query.query(where("_id")
                        .is(event.id())
                        .and("locationVisibility")
                        .is("ATTENDEES")
                        .and("locationReveal.at")
                        .is(event.locationReveal().at())
                        .and("deletedAt")
                        .isNull()),
                new Update()
                        .set("locationVisibility", "PUBLIC")
                        .unset("locationReveal")
                        .set("searchTerms", publicTerms)
                        .set("updatedAt", now)
                        .inc("sequence", 1)
                        .inc("version", 1),
                FindAndModifyOptions.options().returnNew(true),
                EventDocument.class);
    }

    /**
     * Every event not deleted, as the read models read them ({@link #forReadModels}): what the event index and the
     * delta-sync order are loaded from at start. A stream, for them to take one at a time.
     */
    public Flux<EventDocument> notDeleted() {
        return mongo.find(forReadModels(Query.query(where("deletedAt").isNull())), EventDocument.class);
    }

    /**
     * Events that may still matter (not ended before {@code endedAfter}, or open-ended series), as the read models
     * read them ({@link #forReadModels}).
     */
    public Flux<EventDocument> live(Instant endedAfter) {
        Query query = Query.query(where("deletedAt")
                .isNull()
                .orOperator(where("lastEndUtc").isNull(), where("lastEndUtc").gte(endedAfter)));
        return mongo.find(forReadModels(query), EventDocument.class);
    }

    /**
     * Without the fields no read model reads (the description's HTML, the stored words, the online link, the status
     * reason), which are null in what such a query returns.
     */
    private static Query forReadModels(Query query) {
        query.fields().exclude("descriptionHtml", "searchTerms", "online", "statusReason");
        return query;
    }

    /** An organization's events, deleted ones left out: re-indexed when moderators hide or restore it. */
    public Flux<EventDocument> ofOrganization(String organizationId) {
        return mongo.find(
                Query.query(where("organizationId")
                        .is(organizationId)
                        .and("deletedAt")
                        .isNull()),
                EventDocument.class);
    }

    /**
     * Other organizations' events in the given campaigns, deleted ones left out: their views name the
     * campaign, so they are re-stamped when moderators hide or restore the organization running it.
     */
    public Flux<EventDocument> othersInCampaigns(List<String> campaignIds, String organizationId) {
        return mongo.find(
                Query.query(where("campaignId")
                        .in(campaignIds)
                        .and("organizationId")
                        .ne(organizationId)
                        .and("deletedAt")
                        .isNull()),
                EventDocument.class);
    }

    /** Every event of the organization, deleted ones included: what deleting the organization goes through. */
    public Flux<EventDocument> allOfOrganization(String organizationId) {
        return mongo.find(Query.query(where("organizationId").is(organizationId)), EventDocument.class);
    }

    /** Events (of any organization) in one of these campaigns, not deleted. */
    public Flux<EventDocument> inCampaigns(java.util.Collection<String> campaignIds) {
        return mongo.find(
                Query.query(where("campaignId").in(campaignIds).and("deletedAt").isNull()), EventDocument.class);
    }

    public Mono<Long> countOfOrganization(String organizationId) {
        return mongo.count(
                Query.query(where("organizationId")
                        .is(organizationId)
                        .and("deletedAt")
                        .isNull()),
                EventDocument.class);
    }
}
