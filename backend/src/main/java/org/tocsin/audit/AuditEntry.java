package org.tocsin.audit;

import java.time.Instant;

/**
 * One entry as a log's readers see it: when, who (account id and display name), what, about which
 * object (its kind, id and a short label such as an event's title), and which member it concerned.
 */
public record AuditEntry(
        String id,
        Instant at,
        String actorId,
        String actorName,
        String action,
        String subjectKind,
        String subjectId,
        String label,
        String subjectUserId,
        String campaignId) {}
