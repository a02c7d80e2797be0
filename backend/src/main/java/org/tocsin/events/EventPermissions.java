package org.tocsin.events;

import java.util.Map;
import java.util.Optional;
import org.tocsin.events.internal.EventDocument;
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

    /**
     * In a list, from the caller's roles: their role in the event's host, or else their highest in one of its
     * accepted co-hosts (as {@code EventService.permissions} decides for one event).
     */
    static EventPermissions in(Map<String, Role> roles, EventDocument event) {
        Role role = roles.get(event.organizationId());
        if (role == null) {
            for (String coHost : event.coHosts()) {
                Role other = roles.get(coHost);
                if (other != null && (role == null || other.atLeast(role))) {
                    role = other;
                }
            }
        }
        return new EventPermissions(Optional.ofNullable(role));
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
