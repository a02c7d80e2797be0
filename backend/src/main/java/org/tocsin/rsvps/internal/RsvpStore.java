package org.tocsin.rsvps.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tocsin.rsvps.RsvpState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The rsvps feature's MongoDB access. */
@Component
public class RsvpStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    RsvpStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var rsvps = mongo.indexOps(RsvpDocument.class);
        Flux.concat(
                        rsvps.createIndex(new Index()
                                .on("manageTokenHash", Sort.Direction.ASC)
                                .unique()),
                        rsvps.createIndex(new Index()
                                .on("eventId", Sort.Direction.ASC)
                                .on("occurrenceKey", Sort.Direction.ASC)
                                .on("ownerKey", Sort.Direction.ASC)
                                .unique()),
                        rsvps.createIndex(new Index()
                                .on("eventId", Sort.Direction.ASC)
                                .on("state", Sort.Direction.ASC)
                                .on("queuedAt", Sort.Direction.ASC)),
                        rsvps.createIndex(new Index().on("userId", Sort.Direction.ASC)),
                        rsvps.createIndex(new Index().on("occurrenceEndUtc", Sort.Direction.ASC)))
                .blockLast();
    }

    public Mono<RsvpDocument> insert(RsvpDocument rsvp) {
        return mongo.insert(rsvp);
    }

    /** Optimistic: fails with OptimisticLockingFailureException when someone saved in between. */
    public Mono<RsvpDocument> save(RsvpDocument rsvp) {
        return mongo.save(rsvp);
    }

    /** Deletes this version only: true when it was still there unchanged (so its places are the caller's to free). */
    public Mono<Boolean> delete(RsvpDocument rsvp) {
        return mongo.remove(
                        Query.query(where("_id").is(rsvp.id()).and("version").is(rsvp.version())), RsvpDocument.class)
                .map(r -> r.getDeletedCount() == 1);
    }

    public Mono<RsvpDocument> byId(String id) {
        return mongo.findById(id, RsvpDocument.class);
    }

    public Mono<RsvpDocument> byTokenHash(String hash) {
        return mongo.findOne(Query.query(where("manageTokenHash").is(hash)), RsvpDocument.class);
    }

    public Mono<RsvpDocument> byOwner(String eventId, String occurrenceKey, String ownerKey) {
        return mongo.findOne(
                Query.query(where("eventId")
                        .is(eventId)
                        .and("occurrenceKey")
                        .is(occurrenceKey)
                        .and("ownerKey")
                        .is(ownerKey)),
                RsvpDocument.class);
    }

    /** An event's RSVPs (one occurrence's when {@code occurrenceKey} is given), oldest first. */
    public Flux<RsvpDocument> ofEvent(String eventId, String occurrenceKey) {
        var criteria = where("eventId").is(eventId);
        if (occurrenceKey != null) {
            criteria = criteria.and("occurrenceKey").is(occurrenceKey);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("createdAt", "_id")), RsvpDocument.class);
    }

    /** The head of the waitlist: the earliest queued, ties broken by id. */
    public Mono<RsvpDocument> firstWaitlisted(String eventId, String occurrenceKey) {
        return mongo.findOne(
                Query.query(where("eventId")
                                .is(eventId)
                                .and("occurrenceKey")
                                .is(occurrenceKey)
                                .and("state")
                                .is(RsvpState.WAITLISTED))
                        .with(Sort.by("queuedAt", "_id"))
                        .limit(1),
                RsvpDocument.class);
    }

    /** How many of the same occurrence's waitlist are ahead of {@code rsvp}. */
    public Mono<Long> waitlistedAhead(RsvpDocument rsvp) {
        return mongo.count(
                Query.query(where("eventId")
                        .is(rsvp.eventId())
                        .and("occurrenceKey")
                        .is(rsvp.occurrenceKey())
                        .and("state")
                        .is(RsvpState.WAITLISTED)
                        .orOperator(
                                where("queuedAt").lt(rsvp.queuedAt()),
                                where("queuedAt").is(rsvp.queuedAt()).and("_id").lt(rsvp.id()))),
                RsvpDocument.class);
    }

    public Mono<Boolean> hasWaitlisted(String eventId, String occurrenceKey) {
        return mongo.exists(
                Query.query(where("eventId")
                        .is(eventId)
                        .and("occurrenceKey")
                        .is(occurrenceKey)
                        .and("state")
                        .is(RsvpState.WAITLISTED)),
                RsvpDocument.class);
    }

    public Flux<RsvpDocument> ofUser(String userId, Collection<RsvpState> states) {
        return mongo.find(Query.query(where("userId").is(userId).and("state").in(states)), RsvpDocument.class);
    }

    /**
     * After a reschedule: the occurrence's new times, which reminders and the retention cleanup go by.
     * A new start also means a new reminder, due a day before it. The version rises, so that a change
     * made from a copy read before this fails (409) instead of putting the old times back.
     */
    public Mono<Void> moveOccurrence(String eventId, String occurrenceKey, Instant startUtc, Instant endUtc) {
        return mongo.updateMulti(
                        Query.query(where("eventId")
                                .is(eventId)
                                .and("occurrenceKey")
                                .is(occurrenceKey)
                                .and("occurrenceStartUtc")
                                .ne(startUtc)),
                        new Update()
                                .set("occurrenceStartUtc", startUtc)
                                .set("remindedAt", null)
                                .inc("version", 1),
                        RsvpDocument.class)
                .then(mongo.updateMulti(
                        Query.query(where("eventId")
                                .is(eventId)
                                .and("occurrenceKey")
                                .is(occurrenceKey)
                                .and("occurrenceEndUtc")
                                .ne(endUtc)),
                        new Update().set("occurrenceEndUtc", endUtc).inc("version", 1),
                        RsvpDocument.class))
                .then();
    }

    /** Every RSVP of a deleted event goes with it. */
    public Mono<Long> deleteOfEvent(String eventId) {
        return mongo.remove(Query.query(where("eventId").is(eventId)), RsvpDocument.class)
                .map(r -> r.getDeletedCount());
    }

    /** GOING RSVPs with an email whose occurrence starts in [from, to) and that have not been reminded. */
    public Flux<RsvpDocument> dueForReminder(Instant from, Instant to) {
        return mongo.find(
                Query.query(where("state")
                        .is(RsvpState.GOING)
                        .and("email")
                        .ne(null)
                        .and("remindedAt")
                        .is(null)
                        .and("occurrenceStartUtc")
                        .gte(from)
                        .lt(to)),
                RsvpDocument.class);
    }

    /** Marks the reminder as claimed; true for exactly one caller, whichever replica it runs on. */
    public Mono<Boolean> claimReminder(String id, Instant at) {
        return mongo.findAndModify(
                        Query.query(where("_id").is(id).and("remindedAt").is(null)),
                        new Update().set("remindedAt", at),
                        RsvpDocument.class)
                .hasElement();
    }

    /** RSVPs of occurrences that ended before {@code endedBefore}: what the retention cleanup deletes. */
    public Mono<Long> deleteEndedBefore(Instant endedBefore) {
        return mongo.remove(Query.query(where("occurrenceEndUtc").lt(endedBefore)), RsvpDocument.class)
                .map(r -> r.getDeletedCount());
    }

    /** The RSVPs of a deleted account whose occurrences have ended: they go, their counts stay. */
    public Mono<Long> deleteOfUserEndedBefore(String userId, Instant now) {
        return mongo.remove(
                        Query.query(where("userId")
                                .is(userId)
                                .and("occurrenceEndUtc")
                                .lt(now)),
                        RsvpDocument.class)
                .map(r -> r.getDeletedCount());
    }

    /**
     * Detaches an RSVP from its deleted account and strips what was personal in it (name, email, manage
     * link, language); the places it holds stay, with nobody's name, so counts do not move. Its owner key
     * becomes a guest's, which no one holds.
     */
    public Mono<Boolean> anonymise(RsvpDocument rsvp, String placeholderName, Instant now) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(rsvp.id()).and("userId").is(rsvp.userId())),
                        new Update()
                                .unset("userId")
                                .unset("email")
                                .unset("manageTokenHash")
                                .unset("lang")
                                .set("ownerKey", "g:" + rsvp.id())
                                .set("name", placeholderName)
                                .set("updatedAt", now)
                                .inc("version", 1),
                        RsvpDocument.class)
                .map(r -> r.getModifiedCount() == 1);
    }

    public Mono<Long> countOfEvent(String eventId) {
        return mongo.count(Query.query(where("eventId").is(eventId)), RsvpDocument.class);
    }
}
