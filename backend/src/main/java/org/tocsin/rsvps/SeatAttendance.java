package org.tocsin.rsvps;

import org.springframework.stereotype.Component;
import org.tocsin.events.AttendanceCounts;
import org.tocsin.events.EventView;
import org.tocsin.rsvps.internal.SeatCounters;
import reactor.core.publisher.Mono;

/** The public attendance of an occurrence, read from its counter: counts only, one lookup by id. */
@Component
class SeatAttendance implements AttendanceCounts {

    private final SeatCounters counters;

    SeatAttendance(SeatCounters counters) {
        this.counters = counters;
    }

    @Override
    public Mono<EventView.Attendance> attendance(String eventId, String occurrenceKey, Integer capacity) {
        return counters.of(eventId, occurrenceKey)
                .map(c -> EventView.Attendance.of(c.going(), c.maybe(), c.waitlisted(), capacity))
                .defaultIfEmpty(EventView.Attendance.none(capacity));
    }
}
