package org.tocsin.rsvps.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The atomic seat counter of each occurrence. A claim is one conditional findAndModify: the
 * document matches only while {@code going + places <= capacity}, and then {@code $inc}s in the same
 * step, so no check-then-write gap exists for another request or replica to slip through.
 */
@Component
public class SeatCounters {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    SeatCounters(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Takes {@code places} seats if they fit; true when taken. A null capacity is unlimited. The
     * counter is created on first use (a concurrent creation is harmless: one insert wins).
     */
    public Mono<Boolean> claim(String eventId, String occurrenceKey, int places, Integer capacity) {
        String id = SeatCounterDocument.idOf(eventId, occurrenceKey);
        Criteria criteria = where("_id").is(id);
        if (capacity != null) {
            criteria = criteria.and("going").lte((long) capacity - places);
        }
        Query query = Query.query(criteria);
        Mono<SeatCounterDocument> take = Mono.defer(() -> mongo.findAndModify(
                query,
                inc("going", places),
                FindAndModifyOptions.options().returnNew(true),
                SeatCounterDocument.class));
        // No match: full, or the counter did not exist yet. Try once more with the counter surely there: it
        // may have been created by a concurrent request just after the first try, so "it exists now" alone
        // does not mean "full" (that mistake sent the first answers of a new event to the waitlist).
        return take.switchIfEmpty(Mono.defer(() -> mongo.exists(
                                Query.query(where("_id").is(id)), SeatCounterDocument.class)
                        .flatMap(exists ->
                                exists ? take : ensure(eventId, occurrenceKey).then(take))))
                .hasElement();
    }

    /** Gives seats back (a cancellation, fewer guests, a decline). */
    public Mono<Void> release(String eventId, String occurrenceKey, int places) {
        return places <= 0 ? Mono.empty() : adjust(eventId, occurrenceKey, "going", -places);
    }

    /** Moves one of the non-seat counts ({@code maybe}, {@code waitlisted}, {@code pending}). */
    public Mono<Void> adjust(String eventId, String occurrenceKey, String field, long delta) {
        if (delta == 0) {
            return Mono.empty();
        }
        String id = SeatCounterDocument.idOf(eventId, occurrenceKey);
        Mono<Long> update = Mono.defer(() -> mongo.updateFirst(
                        Query.query(where("_id").is(id)), inc(field, delta), SeatCounterDocument.class))
                .map(r -> r.getMatchedCount());
        return update.flatMap(matched -> matched > 0
                        ? Mono.<Long>empty()
                        : ensure(eventId, occurrenceKey).then(update))
                .then();
    }

    public Mono<SeatCounterDocument> of(String eventId, String occurrenceKey) {
        return mongo.findById(SeatCounterDocument.idOf(eventId, occurrenceKey), SeatCounterDocument.class);
    }

    public Flux<SeatCounterDocument> ofIds(Collection<String> ids) {
        return ids.isEmpty()
                ? Flux.empty()
                : mongo.find(Query.query(where("_id").in(ids)), SeatCounterDocument.class);
    }

    public Flux<SeatCounterDocument> ofEvent(String eventId) {
        return mongo.find(Query.query(where("eventId").is(eventId)), SeatCounterDocument.class);
    }

    /**
     * Marks the counter as being changed, before an RSVP write that a count change will follow: the
     * repair then leaves it alone while that is under way (see SeatRepair).
     */
    public Mono<Void> touch(String eventId, String occurrenceKey) {
        return Mono.defer(() -> mongo.updateFirst(
                        Query.query(where("_id").is(SeatCounterDocument.idOf(eventId, occurrenceKey))),
                        new Update().set("touchedAt", clock.instant()),
                        SeatCounterDocument.class))
                .then();
    }

    private Update inc(String field, long delta) {
        return new Update().inc(field, delta).set("touchedAt", clock.instant());
    }

    /** Counters last changed in [from, to): those a repair may look at (nobody is changing them now). */
    public Flux<SeatCounterDocument> quiet(Instant from, Instant to) {
        return mongo.find(Query.query(where("touchedAt").gte(from).lt(to)), SeatCounterDocument.class);
    }

    /**
     * Sets the counts to what the RSVPs add up to, only if the counter is still exactly as observed
     * (same counts, same {@code touchedAt}): any change since then wins, and the repair waits for the next run.
     */
    public Mono<Boolean> correct(SeatCounterDocument observed, long going, long maybe, long waitlisted, long pending) {
        return mongo.updateFirst(
                        Query.query(where("_id")
                                .is(observed.id())
                                .and("touchedAt")
                                .is(observed.touchedAt())
                                .and("going")
                                .is(observed.going())
                                .and("maybe")
                                .is(observed.maybe())
                                .and("waitlisted")
                                .is(observed.waitlisted())
                                .and("pending")
                                .is(observed.pending())),
                        new Update()
                                .set("going", going)
                                .set("maybe", maybe)
                                .set("waitlisted", waitlisted)
                                .set("pending", pending),
                        SeatCounterDocument.class)
                .map(r -> r.getModifiedCount() > 0);
    }

    private Mono<Void> ensure(String eventId, String occurrenceKey) {
        return mongo.insert(new SeatCounterDocument(
                        SeatCounterDocument.idOf(eventId, occurrenceKey),
                        eventId,
                        occurrenceKey,
                        0,
                        0,
                        0,
                        0,
                        clock.instant()))
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    /** A deleted event's counters. */
    public Mono<Void> deleteOfEvent(String eventId) {
        return mongo.remove(Query.query(where("eventId").is(eventId)), SeatCounterDocument.class)
                .then();
    }
}
