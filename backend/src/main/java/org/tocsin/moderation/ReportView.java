package org.tocsin.moderation;

import java.time.Instant;

/**
 * A report as the moderators' queue shows it: the target (kind, id, its organization, the title or name
 * it had when reported, and whether it is hidden now), the reason, and what became of it.
 */
public record ReportView(
        String id,
        ReportKind kind,
        String targetId,
        String organizationId,
        String label,
        ReportCategory category,
        String text,
        ReportState state,
        Instant at,
        boolean targetHidden,
        long openReportsAboutTarget) {}
