package org.tocsin.events.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tocsin.events.EventKind;
import org.tocsin.events.EventStatus;
import org.tocsin.events.LocationVisibility;
import org.tocsin.events.RsvpMode;
import org.tocsin.events.Visibility;

/**
 * An event or a series. Local times are kept as ISO strings with their IANA zone (what the
 * organizer typed, and what recurrence needs across daylight-saving changes); the UTC instants of
 * the first occurrence and of the end of the last one are derived from them for range queries.
 * A deleted event stays as a tombstone ({@code deletedAt}) for a while so that other replicas'
 * read models and calendar feeds learn of the deletion.
 */
@Document("events")
public record EventDocument(
        @Id String id,
        String organizationId,
        String campaignId,
        String title,
        String description,
        String descriptionHtml,
        EventKind kind,
        EventStatus status,
        String statusReason,
        String timeZone,
        String start,
        String end,
        Instant startUtc,
        Instant endUtc,
        Instant lastEndUtc,
        Recurrence recurrence,
        List<OccurrenceOverride> overrides,
        Place place,
        Online online,
        List<Speaker> speakers,
        List<String> tags,
        List<String> languages,
        Integer capacity,
        RsvpMode rsvpMode,
        Visibility visibility,
        LocationVisibility locationVisibility,
        List<String> searchTerms,
        int sequence,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        @Version Long version) {

    /** An RRULE (RFC 5545, without the "RRULE:" prefix) and excluded local start times. */
    public record Recurrence(String rrule, List<String> exdates) {}

    /** One occurrence of a series, named by its original local start, cancelled or moved. */
    public record OccurrenceOverride(String recurrenceId, boolean cancelled, String start, String end) {}

    /** {@code cityKey} names the city in the places feature ("de/berlin"). */
    public record Place(
            String venue, String address, String city, String countryCode, String cityKey, Double lat, Double lon) {}

    public record Online(String url, String platform) {}

    public record Speaker(String name, String affiliation) {}
}
