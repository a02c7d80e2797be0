package org.tocsin.events;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tocsin.events.internal.EventDocument;
import reactor.core.publisher.Flux;

/**
 * Every stored write to an event, in the words of features outside events (webhooks): which event, whose,
 * and what kind of change. Derived from {@link EventChanges#stream()} so no write is missed; carries no
 * content, so a listener reads the event through the API's own rules if it needs more.
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

    EventNotices(EventChanges changes) {
        this.changes = changes;
    }

    public Flux<Notice> notices() {
        return changes.stream().map(EventNotices::notice);
    }

    private static Notice notice(EventDocument e) {
        Kind kind;
        if (e.deletedAt() != null) {
            kind = Kind.DELETED;
        } else if (e.status() == EventStatus.CANCELLED) {
            kind = Kind.CANCELLED;
        } else if (e.createdAt() != null && e.createdAt().equals(e.updatedAt())) {
            kind = Kind.CREATED;
        } else {
            kind = Kind.UPDATED;
        }
        Instant at = e.deletedAt() != null ? e.deletedAt() : e.updatedAt();
        return new Notice(e.id(), e.organizationId(), kind, e.status(), e.visibility(), e.sequence(), at);
    }
}
