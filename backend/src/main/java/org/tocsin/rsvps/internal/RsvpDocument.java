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

    /** A copy to change: {@code r.toBuilder().manageTokenHash(h).build()}, one call per changed field. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The one place an RSVP is copied component by component; a new component is added here and
     * nowhere else. Setters exist for what the feature changes on an existing RSVP.
     */
    public static final class Builder {
        private String id;
        private String eventId;
        private String occurrenceKey;
        private Instant occurrenceStartUtc;
        private Instant occurrenceEndUtc;
        private String ownerKey;
        private String userId;
        private String name;
        private String email;
        private RsvpResponse response;
        private int guests;
        private RsvpState state;
        private boolean approved;
        private int places;
        private Instant queuedAt;
        private String manageTokenHash;
        private Instant remindedAt;
        private Instant createdAt;
        private Instant updatedAt;
        private Long version;
        private String lang;

        private Builder(RsvpDocument e) {
            id = e.id;
            eventId = e.eventId;
            occurrenceKey = e.occurrenceKey;
            occurrenceStartUtc = e.occurrenceStartUtc;
            occurrenceEndUtc = e.occurrenceEndUtc;
            ownerKey = e.ownerKey;
            userId = e.userId;
            name = e.name;
            email = e.email;
            response = e.response;
            guests = e.guests;
            state = e.state;
            approved = e.approved;
            places = e.places;
            queuedAt = e.queuedAt;
            manageTokenHash = e.manageTokenHash;
            remindedAt = e.remindedAt;
            createdAt = e.createdAt;
            updatedAt = e.updatedAt;
            version = e.version;
            lang = e.lang;
        }

        /** What the person asked for. */
        public Builder wish(String name, String email, RsvpResponse response, int guests, boolean approved) {
            this.name = name;
            this.email = email;
            this.response = response;
            this.guests = guests;
            this.approved = approved;
            return this;
        }

        /** Where the answer stands: its state, the places it holds, and since when it waits in line. */
        public Builder state(RsvpState state, int places, Instant queuedAt) {
            this.state = state;
            this.places = places;
            this.queuedAt = queuedAt;
            return this;
        }

        public Builder manageTokenHash(String manageTokenHash) {
            this.manageTokenHash = manageTokenHash;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public RsvpDocument build() {
            return new RsvpDocument(
                    id,
                    eventId,
                    occurrenceKey,
                    occurrenceStartUtc,
                    occurrenceEndUtc,
                    ownerKey,
                    userId,
                    name,
                    email,
                    response,
                    guests,
                    state,
                    approved,
                    places,
                    queuedAt,
                    manageTokenHash,
                    remindedAt,
                    createdAt,
                    updatedAt,
                    version,
                    lang);
        }
    }
}
