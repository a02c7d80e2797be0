package org.tocsin.coalitions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.tocsin.coalitions.internal.SubmissionDocument;
import org.tocsin.events.CampaignLinks;

/**
 * A submission as its reviewers and its submitters see it: the event as a stranger sees a public
 * one (city, never venue or exact point), the submitting organization, and, in the review queue, that
 * organization's record across all campaigns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubmissionView(
        String id,
        SubmissionState state,
        String reason,
        Instant submittedAt,
        Instant decidedAt,
        Named campaign,
        Event event,
        Named organization,
        History history) {

    record Named(String slug, String name) {}

    record Event(
            String id,
            String title,
            String status,
            String startDate,
            Instant startUtc,
            String timeZone,
            String city,
            String countryCode,
            String cityKey,
            boolean online) {

        static Event of(CampaignLinks.Summary s) {
            return s == null
                    ? null
                    : new Event(
                            s.id(),
                            s.title(),
                            s.status().name(),
                            s.startDate().toString(),
                            s.startUtc(),
                            s.timeZone(),
                            s.city(),
                            s.countryCode(),
                            s.cityKey(),
                            s.online());
        }
    }

    /** The submitting organization's submissions to every campaign, by state. */
    record History(long pending, long approved, long declined) {}

    static SubmissionView of(
            SubmissionDocument s, Named campaign, CampaignLinks.Summary event, Named organization, History history) {
        return new SubmissionView(
                s.id(),
                s.state(),
                s.reason(),
                s.submittedAt(),
                s.decidedAt(),
                campaign,
                Event.of(event),
                organization,
                history);
    }
}
