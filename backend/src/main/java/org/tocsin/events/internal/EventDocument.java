package org.tocsin.events.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tocsin.events.Accessibility;
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
        Accessibility accessibility,
        Integer capacity,
        RsvpMode rsvpMode,
        Visibility visibility,
        LocationVisibility locationVisibility,
        List<String> searchTerms,
        int sequence,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        @Version Long version,
        Publication publication,
        LocationReveal locationReveal,
        List<String> coHosts) {

    /**
     * The organizations co-hosting the event beside its host, accepted ones only (each consented by its own
     * ORGANIZER+ in coalitions' {@code event_cohosts}); never null, an event made before co-hosts has none.
     */
    public List<String> coHosts() {
        return coHosts == null ? List.of() : coHosts;
    }

    /** The host and its co-hosts: every organization whose page, feeds and filter show the event. */
    public List<String> organizations() {
        if (coHosts == null || coHosts.isEmpty()) {
            return List.of(organizationId);
        }
        List<String> all = new java.util.ArrayList<>(coHosts.size() + 1);
        all.add(organizationId);
        all.addAll(coHosts);
        return all;
    }

    /** A draft: seen by its organization's members only, in no list, feed, count or search, and followed by nobody. */
    public boolean isDraft() {
        return publication != null && publication.draft();
    }

    /**
     * The local start as the organizer typed it, typed. Stored as an ISO string with {@code timeZone}:
     * a wall time is not an instant, and the driver would store a {@code LocalDateTime} as one.
     */
    public LocalDateTime localStart() {
        return LocalDateTime.parse(start);
    }

    public LocalDateTime localEnd() {
        return LocalDateTime.parse(end);
    }

    /** A copy to change: {@code e.toBuilder().sequence(n).build()}, one call per changed field. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * What stays of an event whose organization was deleted: its id and a deletion stamp, so other
     * replicas' read models drop it when they next poll; nothing of what it said, nor whose it was.
     */
    public EventDocument erased(Instant now) {
        return new EventDocument(
                id,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                sequence + 1,
                null,
                now,
                deletedAt == null ? now : deletedAt,
                version,
                null,
                null,
                List.of());
    }

    /** This event with its SEQUENCE set: what calendar apps compare to tell a newer version. */
    public EventDocument withSequence(int sequence) {
        return toBuilder().sequence(sequence).build();
    }

    /**
     * The one place an event is copied component by component; a new component is added here and
     * nowhere else. Setters exist for what the service changes on an existing event.
     */
    public static final class Builder {
        private String id;
        private String organizationId;
        private String campaignId;
        private String title;
        private String description;
        private String descriptionHtml;
        private EventKind kind;
        private EventStatus status;
        private String statusReason;
        private String timeZone;
        private String start;
        private String end;
        private Instant startUtc;
        private Instant endUtc;
        private Instant lastEndUtc;
        private Recurrence recurrence;
        private List<OccurrenceOverride> overrides;
        private Place place;
        private Online online;
        private List<Speaker> speakers;
        private List<String> tags;
        private List<String> languages;
        private Accessibility accessibility;
        private Integer capacity;
        private RsvpMode rsvpMode;
        private Visibility visibility;
        private LocationVisibility locationVisibility;
        private List<String> searchTerms;
        private int sequence;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant deletedAt;
        private Long version;
        private Publication publication;
        private LocationReveal locationReveal;
        private List<String> coHosts;

        private Builder(EventDocument e) {
            id = e.id;
            organizationId = e.organizationId;
            campaignId = e.campaignId;
            title = e.title;
            description = e.description;
            descriptionHtml = e.descriptionHtml;
            kind = e.kind;
            status = e.status;
            statusReason = e.statusReason;
            timeZone = e.timeZone;
            start = e.start;
            end = e.end;
            startUtc = e.startUtc;
            endUtc = e.endUtc;
            lastEndUtc = e.lastEndUtc;
            recurrence = e.recurrence;
            overrides = e.overrides;
            place = e.place;
            online = e.online;
            speakers = e.speakers;
            tags = e.tags;
            languages = e.languages;
            accessibility = e.accessibility;
            capacity = e.capacity;
            rsvpMode = e.rsvpMode;
            visibility = e.visibility;
            locationVisibility = e.locationVisibility;
            searchTerms = e.searchTerms;
            sequence = e.sequence;
            createdAt = e.createdAt;
            updatedAt = e.updatedAt;
            deletedAt = e.deletedAt;
            version = e.version;
            publication = e.publication;
            locationReveal = e.locationReveal;
            coHosts = e.coHosts;
        }

        /** The accepted co-hosts (organization ids); empty or null: none. */
        public Builder coHosts(List<String> coHosts) {
            this.coHosts = coHosts == null || coHosts.isEmpty() ? null : List.copyOf(coHosts);
            return this;
        }

        /** Null: published. */
        public Builder publication(Publication publication) {
            this.publication = publication;
            return this;
        }

        public Builder locationVisibility(LocationVisibility locationVisibility, LocationReveal locationReveal) {
            this.locationVisibility = locationVisibility;
            this.locationReveal = locationReveal;
            return this;
        }

        /** Into a campaign or out of it (null): only approved links are kept on an event. */
        public Builder campaignId(String campaignId) {
            this.campaignId = campaignId;
            return this;
        }

        public Builder status(EventStatus status, String statusReason) {
            this.status = status;
            this.statusReason = statusReason;
            return this;
        }

        /** The derived UTC span: first start, first end, end of the last occurrence. */
        public Builder utcSpan(Instant startUtc, Instant endUtc, Instant lastEndUtc) {
            this.startUtc = startUtc;
            this.endUtc = endUtc;
            this.lastEndUtc = lastEndUtc;
            return this;
        }

        public Builder overrides(List<OccurrenceOverride> overrides) {
            this.overrides = overrides;
            return this;
        }

        public Builder searchTerms(List<String> searchTerms) {
            this.searchTerms = searchTerms;
            return this;
        }

        public Builder sequence(int sequence) {
            this.sequence = sequence;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder deletedAt(Instant deletedAt) {
            this.deletedAt = deletedAt;
            return this;
        }

        public EventDocument build() {
            return new EventDocument(
                    id,
                    organizationId,
                    campaignId,
                    title,
                    description,
                    descriptionHtml,
                    kind,
                    status,
                    statusReason,
                    timeZone,
                    start,
                    end,
                    startUtc,
                    endUtc,
                    lastEndUtc,
                    recurrence,
                    overrides,
                    place,
                    online,
                    speakers,
                    tags,
                    languages,
                    accessibility,
                    capacity,
                    rsvpMode,
                    visibility,
                    locationVisibility,
                    searchTerms,
                    sequence,
                    createdAt,
                    updatedAt,
                    deletedAt,
                    version,
                    publication,
                    locationReveal,
                    coHosts);
        }
    }

    /**
     * A draft not yet published; {@code at}, when set, the instant the scheduled publisher publishes it.
     * A published event has no publication at all (null), which is also what every event made before
     * drafts existed reads as.
     */
    public record Publication(boolean draft, Instant at) {}

    /**
     * When a location kept for attendees becomes public: {@code at}, the instant (derived from
     * {@code before}, an ISO-8601 duration before the first start, when the organizer gave that form).
     */
    public record LocationReveal(Instant at, String before) {}

    /** An RRULE (RFC 5545, without the "RRULE:" prefix) and excluded local start times. */
    public record Recurrence(String rrule, List<String> exdates) {
        /** The excluded local starts, typed. */
        public List<LocalDateTime> localExdates() {
            return exdates == null
                    ? List.of()
                    : exdates.stream().map(LocalDateTime::parse).toList();
        }
    }

    /** One occurrence of a series, named by its original local start, cancelled or moved. */
    public record OccurrenceOverride(String recurrenceId, boolean cancelled, String start, String end) {
        /** The occurrence's original local start, typed: what names it. */
        public LocalDateTime original() {
            return LocalDateTime.parse(recurrenceId);
        }

        /** Where a moved occurrence starts; null for a cancelled one. */
        public LocalDateTime movedStart() {
            return start == null ? null : LocalDateTime.parse(start);
        }

        public LocalDateTime movedEnd() {
            return end == null ? null : LocalDateTime.parse(end);
        }
    }

    /** {@code cityKey} names the city in the places feature ("de/berlin"). */
    public record Place(
            String venue, String address, String city, String countryCode, String cityKey, Double lat, Double lon) {}

    public record Online(String url, String platform) {}

    public record Speaker(String name, String affiliation) {}
}
