package org.tocsin.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.kernel.Dates;
import org.tocsin.kernel.Refusal;

/**
 * When an event happens: one occurrence, or a series (RRULE, EXDATEs, per-occurrence overrides)
 * expanded in the event's local wall time and only then turned into UTC. A local time that falls
 * in a daylight-saving gap moves forward by the gap's length, and one in an overlap takes the
 * earlier offset (java.time's ZonedDateTime.of rules), the same for every occurrence.
 */
public final class EventSchedule {

    /** A series may have at most this many occurrences in its first two years (and COUNT at most this). */
    public static final int MAX_OCCURRENCES = 1000;

    static final Duration VALIDATION_HORIZON = Duration.ofDays(2 * 366);
    /** Expansion never looks at more than this span at once, whatever the caller asks. */
    public static final Duration MAX_WINDOW = Duration.ofDays(3 * 366);

    private final LocalDateTime start;
    private final Duration duration;
    private final ZoneId zone;
    private final Recur<LocalDateTime> recur;
    private final Set<LocalDateTime> exdates;
    private final Map<LocalDateTime, EventDocument.OccurrenceOverride> overrides;

    private EventSchedule(
            LocalDateTime start,
            LocalDateTime end,
            ZoneId zone,
            Recur<LocalDateTime> recur,
            Set<LocalDateTime> exdates,
            Map<LocalDateTime, EventDocument.OccurrenceOverride> overrides) {
        this.start = start;
        this.duration = Duration.between(start, end);
        this.zone = zone;
        this.recur = recur;
        this.exdates = exdates;
        this.overrides = overrides;
    }

    /** The schedule of a stored (already validated) event. */
    public static EventSchedule of(EventDocument event) {
        ZoneId zone = ZoneIds.of(event.timeZone());
        Recur<LocalDateTime> recur = event.recurrence() == null
                ? null
                : Recurrences.parse(event.recurrence().rrule(), zone);
        return new EventSchedule(
                event.localStart(),
                event.localEnd(),
                zone,
                recur,
                exdates(event.recurrence()),
                overrides(event.overrides()));
    }

    /** Validates what an organizer sent; every problem is a 400 naming its field. */
    static EventSchedule validated(
            LocalDateTime start,
            LocalDateTime end,
            String zoneId,
            EventDocument.Recurrence recurrence,
            List<EventDocument.OccurrenceOverride> overrides) {
        ZoneId zone = ZoneIds.parse(zoneId)
                .orElseThrow(() ->
                        Refusal.invalid("timeZone", "must be an IANA time zone such as Asia/Tehran or Europe/Berlin"));
        EventRules.checkTimes(start, end, zone);
        Recur<LocalDateTime> recur = null;
        if (recurrence != null) {
            try {
                recur = Recurrences.parse(recurrence.rrule(), zone);
                RecurrenceBounds.check(recurrence.rrule(), start);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("recurrence.rrule", e.getMessage());
            }
            List<LocalDateTime> firstYears =
                    recur.getDates(start, start, start.plus(VALIDATION_HORIZON), MAX_OCCURRENCES + 1);
            if (firstYears.size() > MAX_OCCURRENCES) {
                throw Refusal.invalid(
                        "recurrence.rrule", "makes more than " + MAX_OCCURRENCES + " occurrences in two years");
            }
            if (firstYears.isEmpty()) {
                throw Refusal.invalid("recurrence.rrule", "makes no occurrence at or after the start");
            }
            if (recurrence.exdates() != null && recurrence.exdates().size() > MAX_OCCURRENCES) {
                throw Refusal.invalid("recurrence.exdates", "may list at most " + MAX_OCCURRENCES + " dates");
            }
        }
        if (overrides != null && overrides.size() > MAX_OCCURRENCES) {
            throw Refusal.invalid(
                    "recurrenceId", "a series may have at most " + MAX_OCCURRENCES + " changed occurrences");
        }
        return new EventSchedule(start, end, zone, recur, exdates(recurrence), overrides(overrides));
    }

    /** The local start of the event, or of the first occurrence of a series. */
    public LocalDateTime start() {
        return start;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isSeries() {
        return recur != null;
    }

    public Instant firstStartUtc() {
        return utc(start);
    }

    public Instant firstEndUtc() {
        return utc(start.plus(duration));
    }

    /** When the last occurrence ends; null for a series without end (COUNT/UNTIL absent). */
    public Instant lastEndUtc() {
        if (recur == null) {
            return firstEndUtc();
        }
        if (recur.getCount() < 1 && recur.getUntil() == null) {
            return null;
        }
        List<LocalDateTime> all = recur.getDates(start, start, start.plusYears(100), MAX_OCCURRENCES);
        Instant last = firstEndUtc();
        for (LocalDateTime original : all) {
            Occurrence occurrence = occurrence(original);
            if (occurrence != null && occurrence.endUtc().isAfter(last)) {
                last = occurrence.endUtc();
            }
        }
        return last;
    }

    /** The occurrence whose original local start is {@code original}; empty when there is none (or it is excluded). */
    public Optional<Occurrence> occurrenceAt(LocalDateTime original) {
        if (recur == null) {
            return original.equals(start)
                    ? Optional.of(new Occurrence(
                            null, start, start.plus(duration), firstStartUtc(), firstEndUtc(), false, false))
                    : Optional.empty();
        }
        return isOccurrence(original) ? Optional.ofNullable(occurrence(original)) : Optional.empty();
    }

    /** Is {@code original} the local start of one of this series' occurrences (excluded ones included)? */
    boolean isOccurrence(LocalDateTime original) {
        if (recur == null) {
            return false;
        }
        return recur.getDates(start, original.minusMinutes(1), original.plusMinutes(1), 3)
                .contains(original);
    }

    /**
     * Occurrences intersecting [from, to), sorted by UTC start, cancelled ones included (feeds and
     * lists show them as cancelled). EXDATEs are left out entirely.
     */
    public List<Occurrence> between(Instant from, Instant to, int max) {
        if (to.isAfter(from.plus(MAX_WINDOW))) {
            to = from.plus(MAX_WINDOW);
        }
        List<Occurrence> result = new ArrayList<>();
        if (recur == null) {
            Occurrence single =
                    new Occurrence(null, start, start.plus(duration), firstStartUtc(), firstEndUtc(), false, false);
            if (single.intersects(from, to)) {
                result.add(single);
            }
            return result;
        }
        // Expand in local time with a day of slack on both sides for zone offsets, then filter exactly in UTC.
        LocalDateTime localFrom =
                from.atZone(zone).toLocalDateTime().minus(duration).minusDays(1);
        LocalDateTime localTo = to.atZone(zone).toLocalDateTime().plusDays(1);
        Set<LocalDateTime> seen = new HashSet<>();
        if (!localTo.isBefore(start)) {
            for (LocalDateTime original :
                    recur.getDates(start, localFrom.isBefore(start) ? start : localFrom, localTo, MAX_OCCURRENCES)) {
                seen.add(original);
                Occurrence occurrence = occurrence(original);
                if (occurrence != null && occurrence.intersects(from, to)) {
                    result.add(occurrence);
                }
            }
        }
        // A moved occurrence may land in the window although its original date lies outside it.
        for (EventDocument.OccurrenceOverride override : overrides.values()) {
            LocalDateTime original = override.original();
            if (!override.cancelled() && !seen.contains(original)) {
                Occurrence moved = occurrence(original);
                if (moved != null && moved.intersects(from, to)) {
                    result.add(moved);
                }
            }
        }
        result.sort(Comparator.comparing(Occurrence::startUtc).thenComparing(Occurrence::recurrenceId));
        return result.size() > max ? result.subList(0, max) : result;
    }

    private Occurrence occurrence(LocalDateTime original) {
        if (exdates.contains(original)) {
            return null;
        }
        EventDocument.OccurrenceOverride override = overrides.get(original);
        if (override == null) {
            return new Occurrence(
                    original,
                    original,
                    original.plus(duration),
                    utc(original),
                    utc(original.plus(duration)),
                    false,
                    false);
        }
        if (override.cancelled()) {
            return new Occurrence(
                    original,
                    original,
                    original.plus(duration),
                    utc(original),
                    utc(original.plus(duration)),
                    true,
                    false);
        }
        LocalDateTime movedStart = override.movedStart();
        LocalDateTime movedEnd = override.movedEnd();
        return new Occurrence(original, movedStart, movedEnd, utc(movedStart), utc(movedEnd), false, true);
    }

    private Instant utc(LocalDateTime local) {
        return ZonedDateTime.of(local, zone).toInstant();
    }

    /** A local date-time from a path or a query; null when it is not one or lies outside {@link Dates}' years. */
    static LocalDateTime parseLocal(String value) {
        try {
            LocalDateTime parsed = LocalDateTime.parse(value);
            return Dates.inRange(parsed) ? parsed : null;
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private static Set<LocalDateTime> exdates(EventDocument.Recurrence recurrence) {
        return recurrence == null ? new HashSet<>() : new HashSet<>(recurrence.localExdates());
    }

    private static Map<LocalDateTime, EventDocument.OccurrenceOverride> overrides(
            List<EventDocument.OccurrenceOverride> overrides) {
        Map<LocalDateTime, EventDocument.OccurrenceOverride> map = new HashMap<>();
        if (overrides != null) {
            overrides.forEach(o -> map.put(o.original(), o));
        }
        return map;
    }
}
