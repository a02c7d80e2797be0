package org.tocsin.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event as the API answers it. One view per occurrence in lists ({@code recurrenceId} names the
 * occurrence of a series). When the location is for attendees only and the caller is not one, the
 * place carries the city and coarse coordinates only, and the online link is withheld. {@code coHosts}:
 * the accepted co-host organizations beside the host (absent when none; taken-down ones left out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(
        String id,
        Owner organization,
        Owner campaign,
        String title,
        String description,
        String descriptionHtml,
        EventKind kind,
        EventStatus status,
        String statusReason,
        String start,
        String end,
        String timeZone,
        Instant startUtc,
        Instant endUtc,
        String recurrenceId,
        Recurrence recurrence,
        List<OccurrenceChange> overrides,
        Place place,
        Online online,
        boolean locationHidden,
        List<Speaker> speakers,
        List<String> tags,
        List<String> languages,
        Accessibility accessibility,
        Integer capacity,
        RsvpMode rsvpMode,
        Visibility visibility,
        LocationVisibility locationVisibility,
        Attendance attendance,
        int sequence,
        Instant createdAt,
        Instant updatedAt,
        Boolean draft,
        Instant publishAt,
        Instant locationRevealAt,
        String privateNotes,
        String privateNotesHtml,
        List<Owner> coHosts) {

    /** A published event without a timed reveal or accessibility information (tests' hand-made views). */
    public EventView(
            String id,
            Owner organization,
            Owner campaign,
            String title,
            String description,
            String descriptionHtml,
            EventKind kind,
            EventStatus status,
            String statusReason,
            String start,
            String end,
            String timeZone,
            Instant startUtc,
            Instant endUtc,
            String recurrenceId,
            Recurrence recurrence,
            List<OccurrenceChange> overrides,
            Place place,
            Online online,
            boolean locationHidden,
            List<Speaker> speakers,
            List<String> tags,
            List<String> languages,
            Integer capacity,
            RsvpMode rsvpMode,
            Visibility visibility,
            LocationVisibility locationVisibility,
            Attendance attendance,
            int sequence,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                organization,
                campaign,
                title,
                description,
                descriptionHtml,
                kind,
                status,
                statusReason,
                start,
                end,
                timeZone,
                startUtc,
                endUtc,
                recurrenceId,
                recurrence,
                overrides,
                place,
                online,
                locationHidden,
                speakers,
                tags,
                languages,
                null,
                capacity,
                rsvpMode,
                visibility,
                locationVisibility,
                attendance,
                sequence,
                createdAt,
                updatedAt,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * This view with the organizers' notes for attendees: only for a reader known to be GOING (their mail,
     * their own calendar, their manage link), never in a view anyone else gets.
     */
    public EventView withPrivateNotes(String text, String html) {
        return new EventView(
                id,
                organization,
                campaign,
                title,
                description,
                descriptionHtml,
                kind,
                status,
                statusReason,
                start,
                end,
                timeZone,
                startUtc,
                endUtc,
                recurrenceId,
                recurrence,
                overrides,
                place,
                online,
                locationHidden,
                speakers,
                tags,
                languages,
                accessibility,
                capacity,
                rsvpMode,
                visibility,
                locationVisibility,
                attendance,
                sequence,
                createdAt,
                updatedAt,
                draft,
                publishAt,
                locationRevealAt,
                text,
                html,
                coHosts);
    }

    public record Owner(String slug, String name) {}

    /** One occurrence of a series cancelled, or moved to new local times; {@code recurrenceId} is its original start. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OccurrenceChange(String recurrenceId, boolean cancelled, String start, String end) {}

    public record Recurrence(String rrule, List<String> exdates) {}

    /**
     * Where an event is. {@code city} is the name events give it (GeoNames' for a city the gazetteer knows);
     * {@code cityNames} its names in other languages by tag ({@code {"fa": "تهران"}}), only those the
     * gazetteer has, or null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(
            String venue,
            String address,
            String city,
            String countryCode,
            String cityKey,
            Double lat,
            Double lon,
            Map<String, String> cityNames) {

        /** A place whose city has no names in other languages (tests' hand-made views, cities typed freely). */
        public Place(
                String venue, String address, String city, String countryCode, String cityKey, Double lat, Double lon) {
            this(venue, address, city, countryCode, cityKey, lat, lon, null);
        }

        /** The city's name in a language ("fa"): its own name there if known, else the name events give it. */
        public String cityIn(String languageTag) {
            String named = cityNames == null ? null : cityNames.get(languageTag);
            return named != null ? named : city;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Speaker(String name, String affiliation) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Online(String url, String platform) {}

    /** Counts only: names, emails and tokens of attendees never appear in a public answer. */
    public record Attendance(long going, long maybe, long waitlisted, Integer capacity, Integer spotsLeft) {
        public static Attendance none(Integer capacity) {
            return new Attendance(0, 0, 0, capacity, capacity);
        }

        /** Places, guests included; {@code spotsLeft} never goes below zero (a lowered capacity drops nobody). */
        public static Attendance of(long going, long maybe, long waitlisted, Integer capacity) {
            return new Attendance(
                    going, maybe, waitlisted, capacity, capacity == null ? null : (int) Math.max(0, capacity - going));
        }
    }
}
