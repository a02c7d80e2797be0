package org.tocsin.rsvps;

/**
 * Where an RSVP stands. Only GOING holds places (the person and their guests) against the capacity,
 * and only GOING reveals a location kept for attendees. DECLINED: an organizer turned it down.
 */
public enum RsvpState {
    GOING, MAYBE, NOT_GOING, WAITLISTED, PENDING, DECLINED
}
