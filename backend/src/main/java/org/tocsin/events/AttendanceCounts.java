package org.tocsin.events;

import reactor.core.publisher.Mono;

/**
 * The attendance of one occurrence, as the public event JSON shows it. Declared here and implemented
 * by the rsvps feature, so that events never depends on rsvps (rsvps depends on events). Counts
 * only: no name, email or token ever passes through this port.
 */
public interface AttendanceCounts {

    /** {@code occurrenceKey} is {@link Occurrence#key()}; a null capacity means unlimited. */
    Mono<EventView.Attendance> attendance(String eventId, String occurrenceKey, Integer capacity);
}
