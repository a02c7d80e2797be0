package org.tocsin.events;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final EventService events;
    private final EventViews views;
    private final JsonMapper json;
    private final Validator validator;

    private final PrivateNotes notes;

    EventController(EventService events, EventViews views, PrivateNotes notes, JsonMapper json, Validator validator) {
        this.notes = notes;
        this.events = events;
        this.views = views;
        this.json = json;
        this.validator = validator;
    }

    record Reason(@Size(max = 500) String reason) {}

    /** A change to one occurrence of a series: cancel it, or move it to a new local start and end. */
    record OccurrenceChange(Boolean cancelled, LocalDateTime start, LocalDateTime end) {
        boolean isCancel() {
            return Boolean.TRUE.equals(cancelled);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<EventView> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody EventRequest body) {
        return events.create(user, body).flatMap(e -> view(user, e));
    }

    /** The organization's drafts, for its members: what is not out yet, soonest first. */
    @GetMapping("/drafts")
    Mono<java.util.List<EventView>> drafts(
            @AuthenticationPrincipal CurrentUser user,
            @org.springframework.web.bind.annotation.RequestParam @Size(max = 64) String organization) {
        return events.drafts(user, organization)
                .flatMapMany(reactor.core.publisher.Flux::fromIterable)
                .concatMap(e -> view(user, e))
                .collectList();
    }

    /** With {@code occurrence} (a series' date, its original local start): that date's view ({@link VisibleEvents}). */
    @GetMapping("/{id}")
    Mono<EventView> get(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @RequestParam(required = false) String occurrence) {
        return events.visible(user, id)
                .flatMap(e -> events.permissions(user, e)
                        .flatMap(p -> views.view(e, VisibleEvents.dateOf(e, occurrence), p)));
    }

    /** A JSON merge patch (RFC 7396): absent fields stay, null clears, objects merge; the result is validated whole. */
    @PatchMapping("/{id}")
    Mono<EventView> patch(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            return Mono.error(Refusal.invalid("body", "must be a JSON object"));
        }
        return events.visible(user, id)
                .flatMap(current -> events.asRequest(current).flatMap(request -> {
                    ObjectNode merged = (ObjectNode) json.valueToTree(request);
                    merge(merged, patch);
                    EventRequest next = EventRequests.read(json, merged);
                    EventRequests.validate(validator, next);
                    return events.update(user, current, next);
                }))
                .flatMap(e -> view(user, e));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return events.delete(user, id);
    }

    /** A draft published now; to publish it later, PATCH its publishAt. */
    @PostMapping("/{id}/publish")
    Mono<EventView> publish(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return events.publish(user, id).flatMap(e -> view(user, e));
    }

    record NotesRequest(
            @Size(max = PrivateNotes.MAX_LENGTH) @org.tocsin.text.MultiLine
            String text) {}

    /** The organizers' notes for attendees: for those who manage the event and signed-in people GOING. */
    @GetMapping("/{id}/notes")
    Mono<PrivateNotes.Note> notes(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return notes.read(user, id);
    }

    @PutMapping("/{id}/notes")
    Mono<PrivateNotes.Note> writeNotes(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @Valid @RequestBody NotesRequest body) {
        return notes.write(user, id, body.text());
    }

    @PostMapping("/{id}/cancel")
    Mono<EventView> cancel(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @Valid @RequestBody(required = false) Reason body) {
        return status(user, id, EventStatus.CANCELLED, body);
    }

    @PostMapping("/{id}/postpone")
    Mono<EventView> postpone(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @Valid @RequestBody(required = false) Reason body) {
        return status(user, id, EventStatus.POSTPONED, body);
    }

    /** Undoes a cancellation or postponement. */
    @PostMapping("/{id}/reinstate")
    Mono<EventView> reinstate(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return status(user, id, EventStatus.SCHEDULED, null);
    }

    @PutMapping("/{id}/occurrences/{recurrenceId}")
    Mono<EventView> changeOccurrence(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @PathVariable String recurrenceId,
            @RequestBody OccurrenceChange body) {
        if (!body.isCancel() && (body.start() == null || body.end() == null)) {
            return Mono.error(Refusal.invalid(
                    body.start() == null ? "start" : "end",
                    "is required to move an occurrence (or send cancelled: true)"));
        }
        return events.setOverride(user, id, recurrenceId, body.isCancel(), body.start(), body.end())
                .flatMap(e -> view(user, e));
    }

    @DeleteMapping("/{id}/occurrences/{recurrenceId}")
    Mono<EventView> restoreOccurrence(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String recurrenceId) {
        return events.clearOverride(user, id, recurrenceId).flatMap(e -> view(user, e));
    }

    private Mono<EventView> status(CurrentUser user, String id, EventStatus status, Reason body) {
        return events.setStatus(user, id, status, body == null ? null : body.reason())
                .flatMap(e -> view(user, e));
    }

    private Mono<EventView> view(CurrentUser user, EventDocument event) {
        return events.permissions(user, event).flatMap(p -> views.view(event, null, p));
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        for (var field : patch.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                merge(nested, value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }
}
