package org.tocsin.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.kernel.Dates;

/**
 * What other features may know of an event without reading its document: who runs it, its capacity
 * and RSVP mode, its status and visibility, and when its occurrences are (the target of an RSVP, the
 * occurrence a reminder is for). A value, read once per request; exact places are not in it.
 */
public record EventFacts(
        String id,
        String organizationId,
        String title,
        Integer capacity,
        RsvpMode rsvpMode,
        EventStatus status,
        Visibility visibility,
        LocationVisibility locationVisibility,
        EventSchedule schedule,
        int sequence,
        boolean draft) {

    private static final Duration LOOK_AHEAD = Duration.ofDays(3 * 366);

    static EventFacts of(EventDocument e) {
        return new EventFacts(
                e.id(),
                e.organizationId(),
                e.title(),
                e.capacity(),
                e.rsvpMode(),
                e.status(),
                e.visibility(),
                e.locationVisibility(),
                EventSchedule.of(e),
                e.sequence(),
                e.isDraft());
    }

    /**
     * The occurrence an RSVP is for. {@code requested} is null (the next occurrence that has not ended;
     * for a one-off event, the event), an instant such as {@code 2027-03-04T17:00:00Z} (an occurrence's
     * {@code startUtc}), or a local date-time such as {@code 2027-03-04T18:00} (an occurrence's
     * {@code recurrenceId}, i.e. its original local start, or its actual local start if it was moved).
     * Empty when nothing matches.
     */
    public Optional<Occurrence> occurrence(String requested, Instant now) {
        if (requested == null || requested.isBlank()) {
            if (!schedule.isSeries()) {
                return schedule.occurrenceAt(schedule.start());
            }
            return schedule.between(now, now.plus(LOOK_AHEAD), 50).stream()
                    .filter(o -> !o.cancelled() && o.endUtc().isAfter(now))
                    .findFirst();
        }
        String value = requested.strip();
        try {
            Instant at = Instant.parse(value);
            return Dates.inRange(at) ? startingAt(at) : Optional.empty();
        } catch (DateTimeParseException e) {
            // Not an instant: a local date-time, below.
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        if (!Dates.inRange(local)) {
            return Optional.empty();
        }
        Optional<Occurrence> original = schedule.occurrenceAt(local);
        if (original.isPresent()) {
            return original;
        }
        return startingAt(local.atZone(schedule.zone()).toInstant())
                .filter(o -> o.start().equals(local));
    }

    /** The occurrence named by {@link Occurrence#key()}, as RSVPs store it. */
    public Optional<Occurrence> occurrenceByKey(String key) {
        if (Occurrence.ONCE.equals(key)) {
            return schedule.isSeries() ? Optional.empty() : schedule.occurrenceAt(schedule.start());
        }
        try {
            LocalDateTime original = LocalDateTime.parse(key);
            return schedule.isSeries() && Dates.inRange(original) ? schedule.occurrenceAt(original) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Occurrences starting from {@code from} for {@code span}, cancelled ones included. */
    public List<Occurrence> occurrences(Instant from, Duration span) {
        return schedule.between(from, from.plus(span), EventSchedule.MAX_OCCURRENCES);
    }

    private Optional<Occurrence> startingAt(Instant at) {
        return schedule.between(at, at.plusMillis(1), 10).stream()
                .filter(o -> o.startUtc().equals(at))
                .findFirst();
    }
}
