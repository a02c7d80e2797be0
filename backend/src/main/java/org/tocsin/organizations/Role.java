package org.tocsin.organizations;

/** A member's role in an organization, weakest first: OWNER > ADMIN > ORGANIZER > MEMBER. */
public enum Role {
    MEMBER,
    ORGANIZER,
    ADMIN,
    OWNER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
