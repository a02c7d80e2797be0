package org.tocsin.imports.internal;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One VEVENT UID of an organization's imports and the event it became: the mark that an event is imported,
 * and from which source.
 *
 * @param id the organization's id and a hash of the UID, so one UID is one event per organization
 * @param fingerprint a hash of the VEVENT (with its overrides) and the source's defaults as last applied:
 *                    unchanged, nothing is written again
 * @param overrides the RECURRENCE-IDs (local start) applied as changed or cancelled occurrences
 * @param cancelledBySync cancelled because the partner cancelled or removed it (restored if it comes back)
 */
@Document("imported_events")
public record ImportedEventDocument(
        @Id String id,
        String organizationId,
        String sourceId,
        String uid,
        String eventId,
        String fingerprint,
        List<String> overrides,
        boolean cancelledBySync) {}
