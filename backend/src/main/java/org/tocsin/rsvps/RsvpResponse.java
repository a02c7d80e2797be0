package org.tocsin.rsvps;

/** What a person answers; the {@link RsvpState} follows from it, the capacity and the event's RSVP mode. */
public enum RsvpResponse {
    GOING,
    MAYBE,
    NOT_GOING
}
