package org.tocsin.rsvps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.AttendanceCounts;
import org.tocsin.events.EventView;
import org.tocsin.events.Occurrence;
import org.tocsin.kernel.Dates;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/**
 * A series' RSVPs date by date, for its organizers: each occurrence in a window with its counts
 * (going, maybe, waitlisted, places left). Counts only, never a name; ORGANIZER+ alone (the same check
 * as the RSVP list: strangers a 404, lesser members a 403).
 */
@Service
class OccurrenceCounts {

    static final int MAX_OCCURRENCES = 100;
    static final Duration DEFAULT_SPAN = Duration.ofDays(92);
    static final Duration MAX_SPAN = Duration.ofDays(2 * 366);

    private final OrganizerRsvps organizer;
    private final AttendanceCounts counts;
    private final Clock clock;

    OccurrenceCounts(OrganizerRsvps organizer, AttendanceCounts counts, Clock clock) {
        this.organizer = organizer;
        this.counts = counts;
        this.clock = clock;
    }

    /** One date and its counts; {@code occurrence} is the key the RSVP list filters by. */
    record DateCounts(
            String occurrence,
            Instant startUtc,
            Instant endUtc,
            boolean cancelled,
            boolean moved,
            EventView.Attendance attendance) {}

    /** From {@code from} (default: a day ago) for {@code days} (default about three months), at most 100 dates. */
    Mono<List<DateCounts>> byDate(CurrentUser user, String eventId, Instant from, Integer days) {
        if (from != null && !Dates.inRange(from)) {
            return Mono.error(Refusal.invalid("from", "must lie between 1900 and 2200"));
        }
        Instant start = from != null ? from : clock.instant().minus(Duration.ofDays(1));
        Duration span = days == null ? DEFAULT_SPAN : Duration.ofDays(Math.max(1, Math.min(days, MAX_SPAN.toDays())));
        return organizer.managed(user, eventId).flatMap(target -> {
            List<Occurrence> occurrences = target.occurrences(start, span).stream()
                    .limit(MAX_OCCURRENCES)
                    .toList();
            List<AttendanceCounts.Slot> slots = occurrences.stream()
                    .map(o -> new AttendanceCounts.Slot(eventId, o.key(), target.capacity()))
                    .toList();
            return counts.attendance(slots).map(found -> dates(occurrences, slots, found));
        });
    }

    private static List<DateCounts> dates(
            List<Occurrence> occurrences,
            List<AttendanceCounts.Slot> slots,
            Map<AttendanceCounts.Slot, EventView.Attendance> found) {
        return java.util.stream.IntStream.range(0, occurrences.size())
                .mapToObj(i -> {
                    Occurrence o = occurrences.get(i);
                    return new DateCounts(
                            o.key(), o.startUtc(), o.endUtc(), o.cancelled(), o.moved(), found.get(slots.get(i)));
                })
                .toList();
    }
}
