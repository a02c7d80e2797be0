package org.tocsin.rsvps;

/**
 * Where an RSVP stands. Only GOING holds places (the person and their guests) against the capacity,
 * and only GOING reveals a location kept for attendees. DECLINED: an organizer turned it down.
 * UNCONFIRMED: a guest's RSVP to an EMAIL_CONFIRMED event, not yet confirmed from the mail; it counts
 * for nothing until then.
 */
public enum RsvpState {
    GOING,
    MAYBE,
    NOT_GOING,
    WAITLISTED,
    PENDING,
    DECLINED,
    UNCONFIRMED
}
