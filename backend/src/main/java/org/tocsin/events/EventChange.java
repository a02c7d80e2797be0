package org.tocsin.events;

import java.time.Instant;
import org.tocsin.events.internal.EventDocument;

/**
 * What happened to an event, for features that react to it (RSVPs promote their waitlist when
 * capacity rises, and tell attendees of a new time, place or a cancellation). Published by the
 * replica that made the change, once it is stored, through {@link EventChanges}.
 */
public sealed interface EventChange {

    String eventId();

    /** Whether the change is to the occurrence named {@code key} ({@link Occurrence#key()}). */
    default boolean concerns(String key) {
        return true;
    }

    /**
     * A new event (or a draft just published): nobody has answered it yet. It carries what followers are
     * told of it as it was stored, so that none reads each new event back: a bulk import publishes
     * thousands at once, on the one {@code event-changes} thread.
     */
    record Created(
            String eventId,
            String organizationId,
            EventStatus status,
            Visibility visibility,
            int sequence,
            Instant storedAt)
            implements EventChange {

        static Created of(EventDocument stored) {
            return new Created(
                    stored.id(),
                    stored.organizationId(),
                    stored.status(),
                    stored.visibility(),
                    stored.sequence(),
                    stored.updatedAt());
        }
    }

    /**
     * The event was edited, postponed or reinstated.
     *
     * @param capacityRaised capacity went up or became unlimited: waitlisted people may now fit
     * @param rescheduled    time, zone, recurrence, place, online link or status changed: attendees hear of it
     */
    record Updated(String eventId, boolean capacityRaised, boolean rescheduled) implements EventChange {}

    /** One date of a series was moved, cancelled or restored: only the people going to that one hear of it. */
    record OccurrenceChanged(String eventId, String occurrenceKey) implements EventChange {
        @Override
        public boolean concerns(String key) {
            return occurrenceKey.equals(key);
        }
    }

    /**
     * The location kept for attendees became public at its reveal time: feeds change, and the people
     * going are told the meeting point.
     */
    record LocationRevealed(String eventId) implements EventChange {}

    /** The event was cancelled (it can still be read, and reinstated). */
    record Cancelled(String eventId) implements EventChange {}

    /**
     * The event was deleted and can no longer be read, so the change carries its last state: its facts
     * (to tell which RSVPs are for occurrences still to come) and a view of it as a stranger sees it
     * (enough for an iTIP CANCEL: same UID, a SEQUENCE above the last one sent, no exact place).
     */
    record Deleted(EventFacts lastState, EventView view) implements EventChange {
        @Override
        public String eventId() {
            return lastState.id();
        }
    }
}
