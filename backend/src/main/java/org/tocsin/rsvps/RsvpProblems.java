package org.tocsin.rsvps;

import org.tocsin.kernel.Refusal;

/** The RSVP-specific refusals (409s at the edge); their types are listed in the README. */
final class RsvpProblems {

    private RsvpProblems() {}

    static Refusal closed() {
        return Refusal.of(Refusal.Reason.RSVPS_CLOSED, "This event takes no RSVPs");
    }

    static Refusal ended() {
        return Refusal.of(Refusal.Reason.EVENT_ENDED, "This event (or this occurrence) has ended");
    }

    static Refusal cancelled() {
        return Refusal.of(Refusal.Reason.EVENT_CANCELLED, "This event (or this occurrence) is cancelled");
    }

    static Refusal noRoom(int extra) {
        return Refusal.of(Refusal.Reason.NO_ROOM, "There is no room for " + extra + " more; your RSVP is unchanged");
    }
}
