package org.tocsin.coalitions.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tocsin.coalitions.CoHostState;

/**
 * One organization's consent to co-host one event: invited by an ORGANIZER+ of the host, accepted or
 * declined by one of its own. Ids only (names and titles are read when shown); {@code invitedBy} and
 * {@code decidedBy} are organizers' account ids, as the audit log keeps them; nothing about attendees.
 */
@Document("event_cohosts")
public record CoHostDocument(
        @Id String id,
        String eventId,
        String hostOrganizationId,
        String organizationId,
        CoHostState state,
        String invitedBy,
        Instant invitedAt,
        String decidedBy,
        Instant decidedAt) {}
