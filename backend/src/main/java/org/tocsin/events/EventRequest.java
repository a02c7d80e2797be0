package org.tocsin.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.tocsin.text.MultiLine;

/**
 * An event as an organizer writes it: local start and end in an IANA zone. The same shape is the
 * base of a PATCH (a JSON merge patch applied to the current event, then validated whole).
 */
public record EventRequest(
        @NotBlank @Size(max = 64) String organization,
        @NotBlank @Size(max = EventRules.MAX_TITLE) String title,
        @Size(max = EventRules.MAX_DESCRIPTION) @MultiLine String description,
        @NotNull EventKind kind,
        @NotNull LocalDateTime start,
        @NotNull LocalDateTime end,
        @Size(max = 64) String timeZone,
        @Valid RecurrenceRequest recurrence,
        @Valid PlaceRequest place,
        @Valid OnlineRequest online,
        @Min(1) @Max(1_000_000) Integer capacity,
        RsvpMode rsvpMode,
        Visibility visibility,
        LocationVisibility locationVisibility,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,

        @Size(max = 10)
        List<
                        @NotBlank
                        @Pattern(
                                regexp = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$",
                                message = "must be a language tag such as fa or en-GB")
                        String>
                languages,

        @Size(max = 64) String campaign,
        @Size(max = 30) List<@Valid @NotNull SpeakerRequest> speakers,
        @Valid AccessibilityRequest accessibility,
        Boolean draft,
        Instant publishAt,
        Instant locationRevealAt,
        Duration locationRevealBefore) {

    /**
     * Without accessibility information (imports, the demo data); a published event (or, in a PATCH, one
     * whose publication the patch leaves as it is), with no timed reveal.
     */
    public EventRequest(
            String organization,
            String title,
            String description,
            EventKind kind,
            LocalDateTime start,
            LocalDateTime end,
            String timeZone,
            RecurrenceRequest recurrence,
            PlaceRequest place,
            OnlineRequest online,
            Integer capacity,
            RsvpMode rsvpMode,
            Visibility visibility,
            LocationVisibility locationVisibility,
            List<String> tags,
            List<String> languages,
            String campaign,
            List<SpeakerRequest> speakers) {
        this(
                organization,
                title,
                description,
                kind,
                start,
                end,
                timeZone,
                recurrence,
                place,
                online,
                capacity,
                rsvpMode,
                visibility,
                locationVisibility,
                tags,
                languages,
                campaign,
                speakers,
                null,
                null,
                null,
                null,
                null);
    }

    /** Features from the fixed set (each at most once), and a short free text. */
    public record AccessibilityRequest(
            @Size(max = 16) List<@NotNull AccessibilityFeature> features,
            @Size(max = Accessibility.MAX_NOTE) @MultiLine String note) {}

    /** The location kept for attendees becomes public at a set time. */
    boolean hasReveal() {
        return locationRevealAt != null || locationRevealBefore != null;
    }

    /** Saved as a draft: asked for, or given a time to be published at. */
    boolean isDraft() {
        return Boolean.TRUE.equals(draft) || publishAt != null;
    }

    public record RecurrenceRequest(
            @NotBlank @Size(max = 500) String rrule,
            @Size(max = 500) List<@NotNull LocalDateTime> exdates) {}

    public record PlaceRequest(
            @Size(max = 200) String venue,
            @Size(max = 300) String address,
            @NotBlank @Size(max = 100) String city,

            @NotBlank @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166 two-letter country code")
            String countryCode,

            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    public record OnlineRequest(
            @NotBlank @Size(max = 2000) String url,
            @Size(max = 60) String platform) {}

    public record SpeakerRequest(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 200) String affiliation) {}
}
