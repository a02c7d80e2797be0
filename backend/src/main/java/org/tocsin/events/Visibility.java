package org.tocsin.events;

/** PUBLIC: listed and in feeds; UNLISTED: reachable by its id only; PRIVATE: members of the organization only. */
public enum Visibility {
    PUBLIC,
    UNLISTED,
    PRIVATE
}
