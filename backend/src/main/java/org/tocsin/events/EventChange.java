package org.tocsin.events;

/**
 * What changed about an event, for features that react to it (RSVPs promote their waitlist when
 * capacity rises, and tell attendees of a new time, place or a cancellation). Published in-process
 * by the replica that made the change, right after it is stored.
 *
 * @param capacityRaised capacity went up or became unlimited: waitlisted people may now fit
 * @param rescheduled    time, zone, recurrence, place or online link changed, or one occurrence was moved or cancelled
 * @param cancelled      the event was cancelled or deleted
 */
public record EventChange(String eventId, boolean capacityRaised, boolean rescheduled, boolean cancelled) {

    public boolean mattersToAttendees() {
        return capacityRaised || rescheduled || cancelled;
    }
}
