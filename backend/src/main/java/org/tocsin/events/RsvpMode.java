package org.tocsin.events;

/** How RSVPs are taken: at once, after an organizer approves, or not at all. */
public enum RsvpMode {
    OPEN, APPROVAL, CLOSED
}
