package org.tocsin.events;

/** What kind of action it is. */
public enum EventKind {
    VIGIL,
    RALLY,
    MARCH,
    ONLINE_SESSION,
    MEETING,
    SCREENING,
    OTHER
}
