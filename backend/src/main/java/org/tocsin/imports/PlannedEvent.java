package org.tocsin.imports;

import java.time.LocalDateTime;
import java.util.List;
import org.tocsin.events.EventRequest;

/**
 * What one UID of a partner's calendar should be in Tocsin: the event, whether the partner cancelled it,
 * and the occurrences of a series it moved or cancelled (by RECURRENCE-ID, in the event's local time).
 */
record PlannedEvent(
        String uid,
        String summary,
        EventRequest request,
        boolean cancelled,
        List<Occurrence> occurrences,
        String fingerprint) {

    record Occurrence(LocalDateTime recurrenceId, boolean cancelled, LocalDateTime start, LocalDateTime end) {}
}
