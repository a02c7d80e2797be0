package org.tocsin.webhooks.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the webhooks told before, so that they tell changes only: whether each event was listed (PUBLIC) at its
 * last change ({@code event.published} is the step to listed), the public RSVP counts last sent per occurrence
 * ({@code rsvp.counts_changed} only when they differ), and how far the count digest has read. Each decision is one
 * atomic single-document operation, so replicas share it.
 */
@Component
public class WebhookMemory {

    @Document("webhook_listed_events")
    record Listed(@Id String id, boolean listed) {}

    /** The counts of one occurrence last sent; the id is the counter's ({@code eventId/occurrenceKey}). */
    @Document("webhook_sent_counts")
    public record SentCounts(@Id String id, long going, long maybe, long waitlisted) {}

    @Document("webhook_cursors")
    record Cursor(@Id String id, Instant until) {}

    private final ReactiveMongoTemplate mongo;

    WebhookMemory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Records whether the event is listed now and answers whether it was before: true or false, or empty when it
     * was not known (no change of it seen since webhooks began remembering).
     */
    public Mono<Boolean> wasListed(String eventId, boolean listedNow) {
        return mongo.findAndModify(
                        Query.query(where("_id").is(eventId)),
                        new Update().set("listed", listedNow),
                        FindAndModifyOptions.options().upsert(true).returnNew(false),
                        Listed.class)
                .map(Listed::listed);
    }

    /** A deleted event: what was remembered of it goes too. */
    public Mono<Void> forgetEvent(String eventId) {
        return mongo.remove(Query.query(where("_id").is(eventId)), Listed.class)
                .then(mongo.remove(
                        Query.query(where("_id").regex("^" + Pattern.quote(eventId + "/"))), SentCounts.class))
                .then();
    }

    public Mono<SentCounts> sentCounts(String counterId) {
        return mongo.findById(counterId, SentCounts.class);
    }

    public Mono<Void> saveSentCounts(SentCounts counts) {
        return mongo.save(counts).then();
    }

    /**
     * Claims the span [its last end, {@code until}) of the cursor {@code name} for this caller alone (an
     * update conditional on the end it read); answers its start, or empty when there is nothing to claim or another
     * replica claimed it. A cursor seen for the first time starts at {@code until}: no history is replayed.
     */
    public Mono<Instant> claimSpan(String name, Instant until) {
        return mongo.findById(name, Cursor.class)
                .switchIfEmpty(Mono.defer(() -> mongo.insert(new Cursor(name, until))
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                        .then(Mono.empty())))
                .filter(c -> c.until().isBefore(until))
                .flatMap(c -> mongo.updateFirst(
                                Query.query(where("_id").is(name).and("until").is(c.until())),
                                new Update().set("until", until),
                                Cursor.class)
                        .filter(r -> r.getModifiedCount() == 1)
                        .map(r -> c.until()));
    }
}
