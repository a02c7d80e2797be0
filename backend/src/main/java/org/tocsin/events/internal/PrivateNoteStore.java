package org.tocsin.events.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code event_notes} collection: one document per event that has notes. */
@Component
public class PrivateNoteStore {

    private final ReactiveMongoTemplate mongo;

    PrivateNoteStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<PrivateNoteDocument> of(String eventId) {
        if (!Ids.isWellFormed(eventId)) {
            return Mono.empty();
        }
        return mongo.findById(eventId, PrivateNoteDocument.class);
    }

    public Flux<PrivateNoteDocument> of(Collection<String> eventIds) {
        return eventIds.isEmpty()
                ? Flux.empty()
                : mongo.find(Query.query(where("_id").in(eventIds)), PrivateNoteDocument.class);
    }

    /** Every event's notes: when each last changed is read into memory at start. */
    public Flux<PrivateNoteDocument> all() {
        return mongo.findAll(PrivateNoteDocument.class);
    }

    public Mono<PrivateNoteDocument> save(PrivateNoteDocument note) {
        return mongo.save(note);
    }

    public Mono<Void> delete(String eventId) {
        return mongo.remove(Query.query(where("_id").is(eventId)), PrivateNoteDocument.class)
                .then();
    }
}
