package org.tocsin.events;

/** ATTENDEES: venue, address, exact coordinates and the online link only for confirmed attendees and organizers. */
public enum LocationVisibility {
    PUBLIC,
    ATTENDEES
}
