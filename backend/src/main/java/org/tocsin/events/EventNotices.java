package org.tocsin.events;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tocsin.events.internal.EventStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every stored write to an event, in the words of features outside events (webhooks): which event, whose,
 * and what kind of change. Derived from {@link EventChanges#changes()}, which every write publishes to;
 * carries no content, so a listener reads the event through the API's own rules if it needs more.
 */
@Component
public class EventNotices {

    public enum Kind {
        CREATED,
        UPDATED,
        CANCELLED,
        DELETED
    }

    public record Notice(
            String eventId,
            String organizationId,
            Kind kind,
            EventStatus status,
            Visibility visibility,
            int sequence,
            Instant at) {}

    private final EventChanges changes;
    private final EventStore store;
    private final Clock clock;

    EventNotices(EventChanges changes, EventStore store, Clock clock) {
        this.changes = changes;
        this.store = store;
        this.clock = clock;
    }

    public Flux<Notice> notices() {
        return changes.changes().concatMap(this::notice);
    }

    private Mono<Notice> notice(EventChange change) {
        if (change instanceof EventChange.Deleted deleted) {
            EventFacts e = deleted.lastState();
            return Mono.just(new Notice(
                    e.id(),
                    e.organizationId(),
                    Kind.DELETED,
                    e.status(),
                    e.visibility(),
                    e.sequence(),
                    clock.instant()));
        }
        if (change instanceof EventChange.Created created) {
            // As stored: a new event is never a draft (a draft's creation is not published). One deleted
            // meanwhile is told by its own Deleted change, after this one.
            return Mono.just(new Notice(
                    created.eventId(),
                    created.organizationId(),
                    Kind.CREATED,
                    created.status(),
                    created.visibility(),
                    created.sequence(),
                    created.storedAt()));
        }
        Kind kind = switch (change) {
            case EventChange.Cancelled cancelled -> Kind.CANCELLED;
            default -> Kind.UPDATED;
        };
        // The event as stored now; one deleted meanwhile is told by its own Deleted change.
        return store.byId(change.eventId())
                // A draft is nobody's news (its changes are not published; this is the second lock).
                .filter(e -> e.deletedAt() == null && !e.isDraft())
                .map(e -> new Notice(
                        e.id(), e.organizationId(), kind, e.status(), e.visibility(), e.sequence(), e.updatedAt()));
    }
}
