package org.tocsin.events;

import java.util.Set;
import org.tocsin.events.internal.EventDocument;

/**
 * Which events a caller finds in a list (discovery, the widget, the delta-sync feeds): PUBLIC events out of draft,
 * and every event of an organization the caller belongs to. UNLISTED events are reached by their link
 * only, and PRIVATE ones by members only, so neither is listed to anyone else. The one rule for lists:
 * {@link EventIndex} asks it per event ({@link #listsInDiscovery}, which adds the events the caller's
 * organizations co-host), and {@link org.tocsin.events.internal.EventStore#listedChanges} states {@link #lists}
 * as a query for the delta-sync feeds (its comment names this class).
 */
final class EventAudience {

    private EventAudience() {}

    static boolean lists(EventDocument event, Set<String> memberOf) {
        return (event.visibility() == Visibility.PUBLIC && !event.isDraft())
                || memberOf.contains(event.organizationId());
    }

    /**
     * The rule for discovery and the organization pages built on it ({@link EventIndex}): {@link #lists}, and
     * also every event an organization the caller belongs to co-hosts (accepted), so a co-host's members list
     * its PRIVATE and UNLISTED co-hosted events as the host's members do. The delta-sync feeds keep
     * {@link #lists} (the host's members alone): their tombstones are recorded per host (docs/coalitions.md).
     */
    static boolean listsInDiscovery(EventDocument event, Set<String> memberOf) {
        if (lists(event, memberOf)) {
            return true;
        }
        for (String coHost : event.coHosts()) {
            if (memberOf.contains(coHost)) {
                return true;
            }
        }
        return false;
    }

    /** Whether strangers (anonymous callers, partners' tokens of non-members) list the event. */
    static boolean listedToStrangers(EventDocument event) {
        return lists(event, Set.of());
    }
}
