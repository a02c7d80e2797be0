package org.tocsin.events;

import java.time.Instant;
import java.util.List;
import org.tocsin.events.internal.EventDocument;

/** Copies of an event with one thing changed (records have no withers). */
final class EventDocuments {

    private EventDocuments() {}

    static EventDocument withSequence(EventDocument e, int sequence) {
        return new EventDocument(
                e.id(),
                e.organizationId(),
                e.campaignId(),
                e.title(),
                e.description(),
                e.descriptionHtml(),
                e.kind(),
                e.status(),
                e.statusReason(),
                e.timeZone(),
                e.start(),
                e.end(),
                e.startUtc(),
                e.endUtc(),
                e.lastEndUtc(),
                e.recurrence(),
                e.overrides(),
                e.place(),
                e.online(),
                e.speakers(),
                e.tags(),
                e.languages(),
                e.capacity(),
                e.rsvpMode(),
                e.visibility(),
                e.locationVisibility(),
                e.searchTerms(),
                sequence,
                e.createdAt(),
                e.updatedAt(),
                e.deletedAt(),
                e.version());
    }

    static EventDocument withStatus(EventDocument e, EventStatus status, String reason, Instant at) {
        return new EventDocument(
                e.id(),
                e.organizationId(),
                e.campaignId(),
                e.title(),
                e.description(),
                e.descriptionHtml(),
                e.kind(),
                status,
                reason,
                e.timeZone(),
                e.start(),
                e.end(),
                e.startUtc(),
                e.endUtc(),
                e.lastEndUtc(),
                e.recurrence(),
                e.overrides(),
                e.place(),
                e.online(),
                e.speakers(),
                e.tags(),
                e.languages(),
                e.capacity(),
                e.rsvpMode(),
                e.visibility(),
                e.locationVisibility(),
                e.searchTerms(),
                e.sequence(),
                e.createdAt(),
                at,
                e.deletedAt(),
                e.version());
    }

    static EventDocument withOverrides(
            EventDocument e, List<EventDocument.OccurrenceOverride> overrides, EventSchedule schedule, Instant at) {
        return new EventDocument(
                e.id(),
                e.organizationId(),
                e.campaignId(),
                e.title(),
                e.description(),
                e.descriptionHtml(),
                e.kind(),
                e.status(),
                e.statusReason(),
                e.timeZone(),
                e.start(),
                e.end(),
                schedule.firstStartUtc(),
                schedule.firstEndUtc(),
                schedule.lastEndUtc(),
                e.recurrence(),
                overrides,
                e.place(),
                e.online(),
                e.speakers(),
                e.tags(),
                e.languages(),
                e.capacity(),
                e.rsvpMode(),
                e.visibility(),
                e.locationVisibility(),
                e.searchTerms(),
                e.sequence(),
                e.createdAt(),
                at,
                e.deletedAt(),
                e.version());
    }

    static EventDocument deleted(EventDocument e, Instant at) {
        return new EventDocument(
                e.id(),
                e.organizationId(),
                e.campaignId(),
                e.title(),
                e.description(),
                e.descriptionHtml(),
                e.kind(),
                e.status(),
                e.statusReason(),
                e.timeZone(),
                e.start(),
                e.end(),
                e.startUtc(),
                e.endUtc(),
                e.lastEndUtc(),
                e.recurrence(),
                e.overrides(),
                e.place(),
                e.online(),
                e.speakers(),
                e.tags(),
                e.languages(),
                e.capacity(),
                e.rsvpMode(),
                e.visibility(),
                e.locationVisibility(),
                List.of(),
                e.sequence(),
                e.createdAt(),
                at,
                at,
                e.version());
    }

    /** Into a campaign or out of it ({@code campaignId} null): only approved links are kept on an event. */
    static EventDocument withCampaign(EventDocument e, String campaignId, Instant at) {
        return new EventDocument(
                e.id(),
                e.organizationId(),
                campaignId,
                e.title(),
                e.description(),
                e.descriptionHtml(),
                e.kind(),
                e.status(),
                e.statusReason(),
                e.timeZone(),
                e.start(),
                e.end(),
                e.startUtc(),
                e.endUtc(),
                e.lastEndUtc(),
                e.recurrence(),
                e.overrides(),
                e.place(),
                e.online(),
                e.speakers(),
                e.tags(),
                e.languages(),
                e.capacity(),
                e.rsvpMode(),
                e.visibility(),
                e.locationVisibility(),
                e.searchTerms(),
                e.sequence(),
                e.createdAt(),
                at,
                e.deletedAt(),
                e.version());
    }
}
