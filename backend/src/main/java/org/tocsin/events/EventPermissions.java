package org.tocsin.events;

import java.util.Optional;
import org.tocsin.organizations.Permission;
import org.tocsin.organizations.Role;

/**
 * What a caller with a given role in the event's organization may see of it. Kept in one place so
 * the single-event answer, lists, feeds and RSVPs agree.
 */
record EventPermissions(Optional<Role> role, boolean attendee) {

    static final EventPermissions STRANGER = new EventPermissions(Optional.empty());

    EventPermissions(Optional<Role> role) {
        this(role, false);
    }

    /** A confirmed attendee (GOING) learns a location kept for attendees, whatever their role. */
    EventPermissions asAttendee() {
        return new EventPermissions(role, true);
    }

    boolean canSee(Visibility visibility) {
        return visibility != Visibility.PRIVATE || role.isPresent();
    }

    boolean seesHiddenLocation() {
        return attendee || role.map(Permission.MANAGE_EVENTS::grantedTo).orElse(false);
    }
}
