package org.tocsin.coalitions.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A campaign's call to host an action, one per campaign ({@code id} is the campaign's id). Dates are
 * ISO calendar dates, as the campaign's own; {@code partners} are organization ids whose submissions
 * are approved at once.
 */
@Document("campaign_calls")
public record CallDocument(
        @Id String id,
        boolean open,
        String instructions,
        String instructionsHtml,
        String template,
        List<Material> materials,
        String acceptsFrom,
        String acceptsTo,
        boolean reviewChanges,
        List<String> partners,
        Instant updatedAt) {

    public record Material(String title, String url) {}
}
