package org.tocsin.campaigns.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A day of action or a longer campaign, owned by one organization; events of any organization may
 * join it, put there by an ORGANIZER of the owning organization (see CampaignService#requireMayAddEvents). Dates are calendar dates (a worldwide day of action is "the 10th" in every zone), kept
 * as ISO strings so no driver ever shifts them through a time zone.
 */
@Document("campaigns")
public record CampaignDocument(
        @Id String id,
        String slug,
        String name,
        String description,
        String startsOn,
        String endsOn,
        String organizationId,
        Instant createdAt,
        Instant updatedAt) {

    public LocalDate startDate() {
        return startsOn == null ? null : LocalDate.parse(startsOn);
    }

    public LocalDate endDate() {
        return endsOn == null ? null : LocalDate.parse(endsOn);
    }
}
