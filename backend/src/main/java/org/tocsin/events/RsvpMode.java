package org.tocsin.events;

/**
 * How RSVPs are taken: at once; after an organizer approves; at once from signed-in people but from
 * guests (no account) only once they confirm from a mail sent to the address they gave, so that a
 * script cannot fill the places with made-up names; or not at all.
 */
public enum RsvpMode {
    OPEN,
    APPROVAL,
    EMAIL_CONFIRMED,
    CLOSED
}
