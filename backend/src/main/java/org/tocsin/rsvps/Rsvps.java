package org.tocsin.rsvps;

import java.time.Instant;
import org.tocsin.rsvps.internal.RsvpDocument;

/** What an RSVP becomes when the person, the seats or the organizer have their say. */
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
        return r.toBuilder()
                .wish(wish.name(), wish.email(), wish.response(), wish.guests(), wish.approved())
                .state(state, places, queuedAt)
                .updatedAt(now)
                .build();
    }

    static RsvpDocument withState(RsvpDocument r, RsvpState state, int places, Instant queuedAt, Instant now) {
        return r.toBuilder().state(state, places, queuedAt).updatedAt(now).build();
    }

    static RsvpDocument withTokenHash(RsvpDocument r, String manageTokenHash) {
        return r.toBuilder().manageTokenHash(manageTokenHash).build();
    }

    /** People counted under {@code state} by this RSVP (0 when it is in another state, or absent). */
    static long count(RsvpDocument r, RsvpState state) {
        return r != null && r.state() == state ? r.people() : 0;
    }
}
