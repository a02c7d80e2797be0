package org.tocsin.events;

import java.util.List;

/**
 * What changed about an event, for features that react to it (RSVPs promote their waitlist when
 * capacity rises, and tell attendees of a new time, place or a cancellation). Published in-process
 * by the replica that made the change, right after it is stored.
 *
 * @param capacityRaised capacity went up or became unlimited: waitlisted people may now fit
 * @param rescheduled    time, zone, recurrence, place or online link changed, or one occurrence was moved or cancelled
 * @param cancelled      the event was cancelled or deleted
 * @param occurrences    the keys ({@link Occurrence#key()}) of the only occurrences that changed, when one date of
 *                       a series was moved, cancelled or restored; empty when the change is to the whole event
 * @param deleted        set only when the event was deleted: the event as it was, since it can no longer be read
 */
public record EventChange(
        String eventId,
        boolean capacityRaised,
        boolean rescheduled,
        boolean cancelled,
        List<String> occurrences,
        Deleted deleted) {

    public EventChange {
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }

    /** A change to the whole event. */
    public EventChange(String eventId, boolean capacityRaised, boolean rescheduled, boolean cancelled) {
        this(eventId, capacityRaised, rescheduled, cancelled, List.of(), null);
    }

    /**
     * A deleted event's last state: its schedule (to tell which RSVPs are for occurrences still to
     * come) and a view of it as a stranger sees it (enough for an iTIP CANCEL: same UID, a SEQUENCE
     * above the last one sent, no exact place).
     */
    public record Deleted(RsvpTarget target, EventView view) {}

    /** Whether the change is to the occurrence named {@code key} (a whole-event change is to every occurrence). */
    public boolean concerns(String key) {
        return occurrences.isEmpty() || occurrences.contains(key);
    }

    public boolean mattersToAttendees() {
        return capacityRaised || rescheduled || cancelled;
    }
}
