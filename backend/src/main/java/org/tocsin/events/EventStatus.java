package org.tocsin.events;

/** Where an event stands. POSTPONED: it will happen, the new date is not known yet. */
public enum EventStatus {
    SCHEDULED,
    POSTPONED,
    CANCELLED
}
