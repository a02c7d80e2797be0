package org.tocsin.events.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tombstone of the delta-sync deletions feed: an event some audience listed is gone from its lists
 * (deleted, or, for strangers, no longer PUBLIC). One per event and audience ({@code id} is the event's
 * id and the audience), moved forward when it happens again. The organization is kept to decide who
 * sees a MEMBERS tombstone; the feed answers the event's id and {@code removedAt} alone.
 *
 * @param eventVersion the event's version whose write decided this; an older write's decision, arriving
 *     late, never overrides a newer one's
 * @param withdrawn    the event is listed to the audience again (made PUBLIC after it was hidden): kept,
 *     so that a late decision of an older write cannot bring the tombstone back, but not in the feed
 */
@Document("event_removals")
public record RemovalDocument(
        @Id String id,
        String eventId,
        Audience audience,
        String organizationId,
        Instant removedAt,
        long eventVersion,
        boolean withdrawn) {

    public enum Audience {
        /** Strangers: the event was PUBLIC and is deleted or hidden. */
        PUBLIC,
        /** The organization's members: the event is deleted. */
        MEMBERS
    }

    public static String idOf(String eventId, Audience audience) {
        return eventId + (audience == Audience.PUBLIC ? ".p" : ".m");
    }
}
