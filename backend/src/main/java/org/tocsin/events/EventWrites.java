package org.tocsin.events;

import java.time.LocalDateTime;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.EventDocument;
import reactor.core.publisher.Mono;

/**
 * Writes to events by id for other features that keep events in step with something else (a partner's
 * calendar): the same service calls the API's controllers make, so every check, sanitising step and
 * read-model update applies, and the same authorization ({@code user} must be allowed to manage the
 * organization's events). Answers ids, not documents.
 */
@Service
public class EventWrites {

    private final EventService events;

    EventWrites(EventService events) {
        this.events = events;
    }

    public Mono<String> create(CurrentUser user, EventRequest request) {
        return events.create(user, request).map(EventDocument::id);
    }

    /** The whole event replaced by {@code request}, validated as a new one would be. */
    public Mono<String> replace(CurrentUser user, String id, EventRequest request) {
        return events.visible(user, id)
                .flatMap(current -> events.update(user, current, request))
                .map(EventDocument::id);
    }

    /** Cancelled (with a reason shown to attendees) or scheduled again; nothing happens when it already is. */
    public Mono<Void> setStatus(CurrentUser user, String id, EventStatus status, String reason) {
        return events.visible(user, id)
                .filter(current -> current.status() != status)
                .flatMap(current -> events.setStatus(user, id, status, reason))
                .then();
    }

    /** One occurrence of a series cancelled, or moved to a new local start and end. */
    public Mono<Void> setOccurrence(
            CurrentUser user,
            String id,
            String recurrenceId,
            boolean cancelled,
            LocalDateTime start,
            LocalDateTime end) {
        return events.setOverride(user, id, recurrenceId, cancelled, start, end).then();
    }

    /** Every change to single occurrences undone: the series as its rule makes it. */
    public Mono<Void> clearOccurrences(CurrentUser user, String id) {
        return events.visible(user, id)
                .flatMapIterable(current -> current.overrides() == null ? java.util.List.of() : current.overrides())
                .concatMap(o -> events.clearOverride(user, id, o.recurrenceId()))
                .then();
    }
}
