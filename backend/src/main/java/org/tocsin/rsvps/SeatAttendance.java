package org.tocsin.rsvps;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tocsin.events.AttendanceCounts;
import org.tocsin.events.EventView;
import org.tocsin.rsvps.internal.SeatCounterDocument;
import org.tocsin.rsvps.internal.SeatCounters;
import reactor.core.publisher.Mono;

/** The public attendance of occurrences, read from their counters by id: counts only. */
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

    @Override
    public Mono<Map<Slot, EventView.Attendance>> attendance(Collection<Slot> slots) {
        Set<String> ids = slots.stream()
                .map(s -> SeatCounterDocument.idOf(s.eventId(), s.occurrenceKey()))
                .collect(Collectors.toSet());
        return counters.ofIds(ids).collectMap(SeatCounterDocument::id).map(found -> {
            Map<Slot, EventView.Attendance> result = new HashMap<>();
            for (Slot slot : slots) {
                SeatCounterDocument c = found.get(SeatCounterDocument.idOf(slot.eventId(), slot.occurrenceKey()));
                result.put(
                        slot,
                        c == null
                                ? EventView.Attendance.none(slot.capacity())
                                : EventView.Attendance.of(c.going(), c.maybe(), c.waitlisted(), slot.capacity()));
            }
            return result;
        });
    }
}
