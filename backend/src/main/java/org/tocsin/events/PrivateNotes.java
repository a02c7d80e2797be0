package org.tocsin.events;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.PrivateNoteDocument;
import org.tocsin.events.internal.PrivateNoteStore;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.Permission;
import reactor.core.publisher.Mono;

/**
 * Organizers' notes for the people going (meeting point details, what to bring, a safety briefing):
 * Markdown, sanitised like descriptions, kept apart from the event ({@link PrivateNoteDocument}).
 * Written by those who manage the event; read by them and by attendees whose answer is GOING: a
 * signed-in one here ({@link Attendees}), a guest through their RSVP's manage token (the rsvps feature
 * asks {@link #forAttendees} once it has checked the answer). Nobody else learns whether there are any:
 * every other caller gets the 404 an unknown event gets.
 */
@Service
public class PrivateNotes {

    public static final int MAX_LENGTH = 5_000;

    /** The notes as written, and as safe HTML. */
    public record Note(String text, String html) {}

    private final PrivateNoteStore store;
    private final EventService events;
    private final OrganizationAccess access;
    private final ObjectProvider<Attendees> attendees;
    private final Clock clock;

    PrivateNotes(
            PrivateNoteStore store,
            EventService events,
            OrganizationAccess access,
            ObjectProvider<Attendees> attendees,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.access = access;
        this.attendees = attendees;
        this.clock = clock;
    }

    /** For organizers and signed-in people going; empty text when there are none (only they learn that). */
    Mono<Note> read(CurrentUser user, String eventId) {
        return events.visible(user, eventId)
                .filterWhen(e -> access.can(user, e.organizationId(), Permission.MANAGE_EVENTS)
                        .flatMap(manages -> manages || user == null ? Mono.just(manages) : isGoing(user, e.id())))
                .switchIfEmpty(Mono.error(Refusal.notFound("Event")))
                .flatMap(e ->
                        store.of(e.id()).map(n -> new Note(n.text(), n.html())).defaultIfEmpty(new Note("", "")));
    }

    private Mono<Boolean> isGoing(CurrentUser user, String eventId) {
        Attendees port = attendees.getIfAvailable();
        return port == null ? Mono.just(false) : port.isGoing(user.id(), eventId);
    }

    /** Replaces the notes (blank: removes them); for those who manage the event. */
    Mono<Note> write(CurrentUser user, String eventId, String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > MAX_LENGTH) {
            return Mono.error(Refusal.invalid("text", "may be at most " + MAX_LENGTH + " characters"));
        }
        return events.visible(user, eventId)
                .flatMap(e -> access.require(user, e.organizationId(), Permission.MANAGE_EVENTS)
                        .thenReturn(e))
                .flatMap(e -> stripped.isEmpty()
                        ? store.delete(e.id()).thenReturn(new Note("", ""))
                        : store.save(new PrivateNoteDocument(
                                        e.id(), stripped, Descriptions.toSafeHtml(stripped), clock.instant()))
                                .map(n -> new Note(n.text(), n.html())));
    }

    /**
     * The notes of an event, for a caller that has itself established that the reader is GOING (an RSVP's
     * manage token, the attendee's own mail or calendar). Empty when there are none.
     */
    public Mono<Note> forAttendees(String eventId) {
        return store.of(eventId).map(n -> new Note(n.text(), n.html()));
    }

    /** The notes of several events, by event id, for a person's own calendar of the events they go to. */
    Mono<Map<String, Note>> forAttendees(Collection<String> eventIds) {
        return store.of(eventIds)
                .collect(Collectors.toMap(PrivateNoteDocument::eventId, n -> new Note(n.text(), n.html())));
    }
}
