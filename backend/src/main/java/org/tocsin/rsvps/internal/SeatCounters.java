package org.tocsin.rsvps.internal;

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

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The atomic seat counter of each occurrence. A claim is one conditional findAndModify: the
 * document matches only while {@code going + places <= capacity}, and then {@code $inc}s in the same
 * step, so no check-then-write gap exists for another request or replica to slip through.
 */
@Component
public class SeatCounters {

    private final ReactiveMongoTemplate mongo;

    SeatCounters(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
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
        Mono<SeatCounterDocument> take = mongo.findAndModify(query, new Update().inc("going", places),
                FindAndModifyOptions.options().returnNew(true), SeatCounterDocument.class);
        // No match: either full, or the counter does not exist yet (then create it and try once more).
        return take.switchIfEmpty(Mono.defer(() -> mongo.exists(Query.query(where("_id").is(id)),
                        SeatCounterDocument.class)
                .flatMap(exists -> exists ? Mono.<SeatCounterDocument>empty()
                        : ensure(eventId, occurrenceKey).then(take))))
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
        Mono<Long> update = mongo.updateFirst(Query.query(where("_id").is(id)), new Update().inc(field, delta),
                SeatCounterDocument.class).map(r -> r.getMatchedCount());
        return update.flatMap(matched -> matched > 0 ? Mono.<Long>empty() : ensure(eventId, occurrenceKey).then(update))
                .then();
    }

    public Mono<SeatCounterDocument> of(String eventId, String occurrenceKey) {
        return mongo.findById(SeatCounterDocument.idOf(eventId, occurrenceKey), SeatCounterDocument.class);
    }

    public Flux<SeatCounterDocument> ofIds(Collection<String> ids) {
        return ids.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(where("_id").in(ids)), SeatCounterDocument.class);
    }

    public Flux<SeatCounterDocument> ofEvent(String eventId) {
        return mongo.find(Query.query(where("eventId").is(eventId)), SeatCounterDocument.class);
    }

    private Mono<Void> ensure(String eventId, String occurrenceKey) {
        return mongo.insert(new SeatCounterDocument(SeatCounterDocument.idOf(eventId, occurrenceKey), eventId,
                        occurrenceKey, 0, 0, 0, 0))
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }
}
