package org.tocsin.rsvps;

import org.springframework.http.HttpStatus;
import org.tocsin.web.ApiProblem;

/** The RSVP-specific 409s; their types are listed in the README. */
final class RsvpProblems {

    private RsvpProblems() {}

    static ApiProblem closed() {
        return ApiProblem.of(HttpStatus.CONFLICT, ApiProblem.RSVPS_CLOSED, "RSVPs closed", "This event takes no RSVPs");
    }

    static ApiProblem ended() {
        return ApiProblem.of(
                HttpStatus.CONFLICT,
                ApiProblem.EVENT_ENDED,
                "Event ended",
                "This event (or this occurrence) has ended");
    }

    static ApiProblem cancelled() {
        return ApiProblem.of(
                HttpStatus.CONFLICT,
                ApiProblem.EVENT_CANCELLED,
                "Event cancelled",
                "This event (or this occurrence) is cancelled");
    }

    static ApiProblem noRoom(int extra) {
        return ApiProblem.of(
                HttpStatus.CONFLICT,
                ApiProblem.NO_ROOM,
                "No room",
                "There is no room for " + extra + " more; your RSVP is unchanged");
    }
}
