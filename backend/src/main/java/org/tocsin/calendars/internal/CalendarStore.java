package org.tocsin.calendars.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The calendars feature's MongoDB access. */
@Component
public class CalendarStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    CalendarStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Flux.concat(
                        mongo.indexOps(SavedCalendarDocument.class)
                                .createIndex(new Index()
                                        .on("slug", Sort.Direction.ASC)
                                        .unique()),
                        mongo.indexOps(FeedTokenDocument.class)
                                .createIndex(new Index()
                                        .on("tokenHash", Sort.Direction.ASC)
                                        .unique()),
                        mongo.indexOps(FeedTokenDocument.class)
                                .createIndex(new Index()
                                        .on("userId", Sort.Direction.ASC)
                                        .on("organizationId", Sort.Direction.ASC)
                                        .unique()),
                        mongo.indexOps(PersonalFeedDocument.class)
                                .createIndex(new Index()
                                        .on("tokenHash", Sort.Direction.ASC)
                                        .unique()))
                .blockLast();
    }

    public Mono<SavedCalendarDocument> insert(SavedCalendarDocument calendar) {
        return mongo.insert(calendar);
    }

    public Mono<SavedCalendarDocument> bySlug(String slug) {
        return mongo.findOne(Query.query(where("slug").is(slug)), SavedCalendarDocument.class);
    }

    public Flux<SavedCalendarDocument> all(int limit) {
        return mongo.find(new Query().with(Sort.by("name")).limit(limit), SavedCalendarDocument.class);
    }

    public Mono<Boolean> deleteCalendar(String slug, String ownerId) {
        return mongo.remove(Query.query(where("slug").is(slug).and("ownerId").is(ownerId)), SavedCalendarDocument.class)
                .map(r -> r.getDeletedCount() == 1);
    }

    /** Replaces the member's token for the organization: the old URL stops working at once. */
    public Mono<FeedTokenDocument> replaceToken(FeedTokenDocument token) {
        return mongo.remove(
                        Query.query(where("userId")
                                .is(token.userId())
                                .and("organizationId")
                                .is(token.organizationId())),
                        FeedTokenDocument.class)
                .then(mongo.insert(token));
    }

    public Mono<FeedTokenDocument> tokenByHash(String hash) {
        return mongo.findOne(Query.query(where("tokenHash").is(hash)), FeedTokenDocument.class);
    }

    public Mono<Long> deleteTokensOf(String userId) {
        return mongo.remove(Query.query(where("userId").is(userId)), FeedTokenDocument.class)
                .map(r -> r.getDeletedCount());
    }

    public Mono<Boolean> deleteToken(String userId, String organizationId) {
        return mongo.remove(
                        Query.query(
                                where("userId").is(userId).and("organizationId").is(organizationId)),
                        FeedTokenDocument.class)
                .map(r -> r.getDeletedCount() > 0);
    }

    public Mono<PersonalFeedDocument> replaceFeed(PersonalFeedDocument feed) {
        return mongo.findAndReplace(
                Query.query(where("_id").is(feed.userId())),
                feed,
                FindAndReplaceOptions.options().upsert().returnNew());
    }

    public Mono<PersonalFeedDocument> feedOf(String userId) {
        return mongo.findById(userId, PersonalFeedDocument.class);
    }

    public Mono<PersonalFeedDocument> feedByTokenHash(String hash) {
        return mongo.findOne(Query.query(where("tokenHash").is(hash)), PersonalFeedDocument.class);
    }

    public Mono<Boolean> deleteFeed(String userId) {
        return mongo.remove(Query.query(where("_id").is(userId)), PersonalFeedDocument.class)
                .map(r -> r.getDeletedCount() > 0);
    }

    /** The members' private feed addresses of a deleted organization. */
    public Mono<Long> countFeedTokensOf(String organizationId) {
        return mongo.count(Query.query(where("organizationId").is(organizationId)), FeedTokenDocument.class);
    }

    public Mono<Long> deleteFeedTokensOf(String organizationId) {
        return mongo.remove(Query.query(where("organizationId").is(organizationId)), FeedTokenDocument.class)
                .map(r -> r.getDeletedCount());
    }
}
