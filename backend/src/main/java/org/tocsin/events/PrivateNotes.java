package org.tocsin.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
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
public class PrivateNotes implements SmartInitializingSingleton {

    public static final int MAX_LENGTH = 5_000;

    /** The notes as written, and as safe HTML. */
    public record Note(String text, String html) {}

    private final PrivateNoteStore store;
    private final EventService events;
    private final OrganizationAccess access;
    private final ObjectProvider<Attendees> attendees;
    private final Clock clock;
    /**
     * When each event's notes last changed (written, replaced or removed), in memory: a person's own feed
     * mixes it into its ETag without a query ({@link #stamp}), while every other feed's ETag ignores it,
     * so a stranger's validator never tells that notes changed.
     */
    private final Map<String, Long> changed = new ConcurrentHashMap<>();

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

    @Override
    public void afterSingletonsInstantiated() {
        store.all()
                .doOnNext(n -> changed.merge(n.eventId(), n.updatedAt().toEpochMilli(), PrivateNotes::after))
                .then()
                .block();
    }

    /** In milliseconds, and always later than the change before: two edits within one tick still differ. */
    private static long after(long before, long now) {
        return Math.max(before + 1, now);
    }

    /**
     * An order-independent mix of when the notes of these events last changed, and the latest such
     * instant: what a personal feed adds to its version. Zero and null when none of them ever had notes.
     */
    record Stamp(long mix, Instant last) {}

    Stamp stamp(Collection<String> eventIds) {
        long mix = 0;
        Instant last = null;
        for (String id : eventIds) {
            Long at = changed.get(id);
            if (at != null) {
                mix += (id.hashCode() * 0x9E3779B97F4A7C15L) ^ at;
                Instant when = Instant.ofEpochMilli(at);
                last = last == null || when.isAfter(last) ? when : last;
            }
        }
        return new Stamp(mix, last);
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
                .flatMap(e -> (stripped.isEmpty()
                                ? store.delete(e.id()).thenReturn(new Note("", ""))
                                : store.save(new PrivateNoteDocument(
                                                e.id(), stripped, Descriptions.toSafeHtml(stripped), clock.instant()))
                                        .map(n -> new Note(n.text(), n.html())))
                        // Stored first, then stamped: the next conditional request of an attendee's feed renders anew.
                        .doOnNext(written -> changed.merge(e.id(), clock.millis(), PrivateNotes::after)));
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
