package org.tocsin.events;

import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The attendance of one occurrence, as the public event JSON shows it. Declared here and implemented
 * by the rsvps feature, so that events never depends on rsvps (rsvps depends on events). Counts
 * only: no name, email or token ever passes through this port.
 */
public interface AttendanceCounts {

    /** One occurrence: {@code occurrenceKey} is {@link Occurrence#key()}; a null capacity means unlimited. */
    record Slot(String eventId, String occurrenceKey, Integer capacity) {}

    Mono<EventView.Attendance> attendance(String eventId, String occurrenceKey, Integer capacity);

    /** Many occurrences in one lookup (a discovery page): every slot asked for is in the answer. */
    Mono<Map<Slot, EventView.Attendance>> attendance(Collection<Slot> slots);
}
