package org.tocsin.events;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tocsin.places.Geo;

/**
 * What a list of events is narrowed to, resolved once ({@link EventFilters}): slugs already turned into
 * ids, the radius into a box, the text into normalised tokens. The same value filters discovery, the
 * widget, every public feed and saved calendars, and {@link #matches} is the one place it is applied.
 * Filters left null (or {@code text} empty) do not filter. Who may list an event (its visibility) is
 * the caller's own check, made before this one.
 */
public record EventFilter(
        String cityKey,
        String country,
        Near near,
        EventKind kind,
        String tag,
        String campaignId,
        String organizationId,
        List<String> text,
        Set<AccessibilityFeature> accessibility,
        String language) {

    /** Matches every event. */
    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null, null, List.of());

    public EventFilter {
        text = text == null ? List.of() : List.copyOf(text);
        accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
        language = language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    /** Without accessibility or language filters. */
    public EventFilter(
            String cityKey,
            String country,
            Near near,
            EventKind kind,
            String tag,
            String campaignId,
            String organizationId,
            List<String> text) {
        this(cityKey, country, near, kind, tag, campaignId, organizationId, text, null, null);
    }

    /** Within {@code radiusKm} of a point; {@code box} bounds the circle, so most events are refused cheaply. */
    public record Near(double lat, double lon, double radiusKm, Geo.Box box) {}

    public static EventFilter organization(String id) {
        return new EventFilter(null, null, null, null, null, null, id, List.of());
    }

    public static EventFilter campaign(String id) {
        return new EventFilter(null, null, null, null, null, id, null, List.of());
    }

    public static EventFilter city(String cityKey) {
        return new EventFilter(cityKey, null, null, null, null, null, null, List.of());
    }

    public static EventFilter tag(String normalisedTag) {
        return new EventFilter(null, null, null, null, normalisedTag, null, null, List.of());
    }

    /**
     * Whether the event passes. {@code exact} says the caller may read the event's location even when it
     * is kept for attendees: to everyone else such a location is the coarse point public answers show
     * (filtering on the exact one would answer "is it within r km?" about the secret), and its venue's
     * words are not searched.
     */
    boolean matches(IndexedEvent event, boolean exact) {
        if (kind != null && event.kind() != kind) {
            return false;
        }
        // An organization's page, feeds and filter hold what it hosts and what it co-hosts (accepted only).
        if (organizationId != null
                && !organizationId.equals(event.organizationId())
                && !event.coHosts().contains(organizationId)) {
            return false;
        }
        if (campaignId != null && !campaignId.equals(event.campaignId())) {
            return false;
        }
        if (tag != null && !event.tags().contains(tag)) {
            return false;
        }
        if (!accessibility.isEmpty()
                && (event.accessibility() == null || !event.accessibility().containsAll(accessibility))) {
            return false;
        }
        if (language != null && !speaks(event.languages(), language)) {
            return false;
        }
        if (cityKey != null && (!event.placed() || !cityKey.equals(event.cityKey()))) {
            return false;
        }
        if (country != null && (!event.placed() || !country.equalsIgnoreCase(event.countryCode()))) {
            return false;
        }
        boolean seesExact = exact || event.locationVisibility() != LocationVisibility.ATTENDEES;
        if (near != null) {
            if (!event.hasCoordinates()) {
                return false;
            }
            double lat = seesExact ? event.lat() : Geo.coarse(event.lat());
            double lon = seesExact ? event.lon() : Geo.coarse(event.lon());
            if (!near.box().contains(lat, lon) || Geo.distanceKm(near.lat(), near.lon(), lat, lon) > near.radiusKm()) {
                return false;
            }
        }
        return text.isEmpty() || event.terms().matches(text, seesExact);
    }

    /** "fa" finds events in fa and fa-AF; "fa-AF" only those. */
    private static boolean speaks(List<String> languages, String wanted) {
        if (languages == null) {
            return false;
        }
        for (String l : languages) {
            if (l.equals(wanted) || l.startsWith(wanted + "-")) {
                return true;
            }
        }
        return false;
    }
}
