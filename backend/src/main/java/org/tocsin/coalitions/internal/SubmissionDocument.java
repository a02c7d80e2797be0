package org.tocsin.coalitions.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tocsin.coalitions.SubmissionState;

/**
 * One event offered to one campaign by its organization. Holds ids only (the event's title, time and
 * city are read from the events feature when shown), and never anything about attendees.
 */
@Document("campaign_submissions")
public record SubmissionDocument(
        @Id String id,
        String campaignId,
        String eventId,
        String organizationId,
        String submittedBy,
        SubmissionState state,
        String reason,
        String decidedBy,
        Instant submittedAt,
        Instant decidedAt) {}
