package org.tocsin.audit.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry. {@code organizationId} is whose log it is in; {@code campaignId} is set for what concerns
 * a campaign (its log is the organization's entries that name it). {@code actorId} is the account that
 * acted (null for the system, e.g. a scheduled publication); {@code subjectUserId} is a member the
 * action was about (a role change), so the person's export can include it.
 */
@Document("audit")
public record AuditDocument(
        @Id String id,
        String organizationId,
        String campaignId,
        String actorId,
        String action,
        String subjectKind,
        String subjectId,
        String subjectUserId,
        String label,
        Instant at) {}
