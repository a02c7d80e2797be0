package org.tocsin.rsvps;

import java.time.Instant;
import org.tocsin.rsvps.internal.RsvpDocument;

/** Copies of an RSVP with some things changed (records have no withers). */
final class Rsvps {

    private Rsvps() {}

    /** What the person asked for, before the capacity and the RSVP mode have their say. */
    record Wish(String name, String email, RsvpResponse response, int guests, boolean approved) {
        static Wish of(RsvpDocument r) {
            return new Wish(r.name(), r.email(), r.response(), r.guests(), r.approved());
        }

        Wish asApproved() {
            return new Wish(name, email, RsvpResponse.GOING, guests, true);
        }
    }

    static RsvpDocument settled(RsvpDocument r, Wish wish, RsvpState state, int places, Instant queuedAt, Instant now) {
        return new RsvpDocument(
                r.id(),
                r.eventId(),
                r.occurrenceKey(),
                r.occurrenceStartUtc(),
                r.occurrenceEndUtc(),
                r.ownerKey(),
                r.userId(),
                wish.name(),
                wish.email(),
                wish.response(),
                wish.guests(),
                state,
                wish.approved(),
                places,
                queuedAt,
                r.manageTokenHash(),
                r.remindedAt(),
                r.createdAt(),
                now,
                r.version(),
                r.lang());
    }

    static RsvpDocument withState(RsvpDocument r, RsvpState state, int places, Instant queuedAt, Instant now) {
        return new RsvpDocument(
                r.id(),
                r.eventId(),
                r.occurrenceKey(),
                r.occurrenceStartUtc(),
                r.occurrenceEndUtc(),
                r.ownerKey(),
                r.userId(),
                r.name(),
                r.email(),
                r.response(),
                r.guests(),
                state,
                r.approved(),
                places,
                queuedAt,
                r.manageTokenHash(),
                r.remindedAt(),
                r.createdAt(),
                now,
                r.version(),
                r.lang());
    }

    static RsvpDocument withTokenHash(RsvpDocument r, String manageTokenHash) {
        return new RsvpDocument(
                r.id(),
                r.eventId(),
                r.occurrenceKey(),
                r.occurrenceStartUtc(),
                r.occurrenceEndUtc(),
                r.ownerKey(),
                r.userId(),
                r.name(),
                r.email(),
                r.response(),
                r.guests(),
                r.state(),
                r.approved(),
                r.places(),
                r.queuedAt(),
                manageTokenHash,
                r.remindedAt(),
                r.createdAt(),
                r.updatedAt(),
                r.version(),
                r.lang());
    }

    /** People counted under {@code state} by this RSVP (0 when it is in another state, or absent). */
    static long count(RsvpDocument r, RsvpState state) {
        return r != null && r.state() == state ? r.people() : 0;
    }
}
