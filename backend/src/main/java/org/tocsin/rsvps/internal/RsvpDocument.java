package org.tocsin.rsvps.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tocsin.rsvps.RsvpResponse;
import org.tocsin.rsvps.RsvpState;

/**
 * One person's answer for one occurrence of an event. Personal data (name, email) lives only here,
 * and is deleted by the retention cleanup after the occurrence ended.
 *
 * @param ownerKey      "u:{userId}" for a signed-in person (one RSVP per occurrence, unique index), or
 *                      "g:{id}" for a guest, so the unique index never collides on a missing user
 * @param places        places held in the occurrence's seat counter: 1 + guests while GOING, else 0
 * @param approved      an organizer approved it (events in APPROVAL mode)
 * @param queuedAt      when it joined the waitlist; the line is ordered by (queuedAt, id)
 * @param manageTokenHash SHA-256 of the manage token; the token itself is never stored
 * @param remindedAt    when the day-before reminder was claimed for sending (once, across replicas)
 * @param lang          the language the person answered in ("en", "fa"; absent on older RSVPs: English),
 *                      which their mails speak
 */
@Document("rsvps")
public record RsvpDocument(
        @Id String id,
        String eventId,
        String occurrenceKey,
        Instant occurrenceStartUtc,
        Instant occurrenceEndUtc,
        String ownerKey,
        String userId,
        String name,
        String email,
        RsvpResponse response,
        int guests,
        RsvpState state,
        boolean approved,
        int places,
        Instant queuedAt,
        String manageTokenHash,
        Instant remindedAt,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version,
        String lang) {

    public int people() {
        return 1 + guests;
    }
}
