package org.tocsin.moderation.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One report. What it is about ({@code kind}, {@code targetId}, the organization that runs it, and the
 * title or name it had when reported), why, and what became of it. Nothing about the reporter: neither
 * account, nor address, nor a hash of either.
 */
@Document("reports")
public record ReportDocument(
        @Id String id,
        String kind,
        String targetId,
        String organizationId,
        String label,
        String category,
        String text,
        String state,
        Instant at,
        String decidedBy,
        Instant decidedAt) {

    public ReportDocument decided(String state, String by, Instant when) {
        return new ReportDocument(id, kind, targetId, organizationId, label, category, text, state, at, by, when);
    }
}
