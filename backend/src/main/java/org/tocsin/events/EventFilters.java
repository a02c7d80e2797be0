package org.tocsin.events;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.tocsin.campaigns.CampaignRef;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.places.Geo;
import org.tocsin.places.PlaceService;
import org.tocsin.text.SearchText;
import reactor.core.publisher.Mono;

/**
 * Binds an {@link EventFilter} from what a person sent, the same way wherever they sent it: discovery's
 * and the ad-hoc feed's query strings, a saved calendar's filter. Every part is bounded before anything
 * is looked up (README, "Bounded work"), and a bad part is a 400 naming it, with the caller's prefix
 * ({@code filter.} for a saved calendar's body).
 */
@Component
public class EventFilters {

    static final double MAX_RADIUS_KM = 1000;
    static final double DEFAULT_RADIUS_KM = 25;
    static final int MAX_QUERY = 200;
    static final int MAX_CITY = 100;
    static final int MAX_TAG = 40;
    static final int MAX_SLUG = 64;
    static final int MAX_ACCESSIBILITY = 200;
    static final int MAX_LANGUAGE = 35;
    /** An id no organization or campaign has: an unknown slug that must match nothing. */
    private static final String NO_SUCH_ID = "-unknown-";

    private final OrganizationService organizations;
    private final CampaignService campaigns;

    private final PlaceService places;

    EventFilters(OrganizationService organizations, CampaignService campaigns, PlaceService places) {
        this.places = places;
        this.organizations = organizations;
        this.campaigns = campaigns;
    }

    /** The filter as sent: every part optional, nothing checked yet. */
    public record Params(
            String city,
            String country,
            String near,
            Double radiusKm,
            String kind,
            String tag,
            String campaign,
            String organization,
            String q,
            String accessibility,
            String language) {

        /** Without accessibility or language (list pages, which do not filter by them). */
        public Params(
                String city,
                String country,
                String near,
                Double radiusKm,
                String kind,
                String tag,
                String campaign,
                String organization,
                String q) {
            this(city, country, near, radiusKm, kind, tag, campaign, organization, q, null, null);
        }

        public static Params of(MultiValueMap<String, String> query) {
            String radius = query.getFirst("radiusKm");
            Double radiusKm;
            try {
                radiusKm = radius == null ? null : Double.valueOf(radius);
            } catch (NumberFormatException e) {
                throw Refusal.invalid("radiusKm", "must be a number");
            }
            return new Params(
                    query.getFirst("city"),
                    query.getFirst("country"),
                    query.getFirst("near"),
                    radiusKm,
                    query.getFirst("kind"),
                    query.getFirst("tag"),
                    query.getFirst("campaign"),
                    query.getFirst("organization"),
                    query.getFirst("q"),
                    query.getFirst("accessibility"),
                    query.getFirst("language"));
        }
    }

    /**
     * What an organization or campaign slug that names none means. Discovery answers it with an empty
     * list (a search that finds nothing); a feed address or a calendar being saved with it is a 400,
     * since the person asked for something that does not exist.
     */
    public enum Unknown {
        MATCHES_NOTHING,
        INVALID
    }

    /** Checks every part that needs no lookup; throws the 400. */
    private static void validate(Params p, String prefix) {
        requireAtMost(prefix + "q", p.q(), MAX_QUERY);
        requireAtMost(prefix + "city", p.city(), MAX_CITY);
        requireAtMost(prefix + "tag", p.tag(), MAX_TAG);
        requireAtMost(prefix + "campaign", p.campaign(), MAX_SLUG);
        requireAtMost(prefix + "organization", p.organization(), MAX_SLUG);
        if (p.country() != null && !p.country().matches("^[A-Za-z]{2}$")) {
            throw Refusal.invalid(prefix + "country", "must be an ISO 3166 two-letter country code");
        }
        if (p.city() != null && p.country() == null) {
            throw Refusal.invalid(prefix + "country", "is required with " + prefix + "city (Paris, FR or Paris, US?)");
        }
        kind(p.kind(), prefix);
        near(p, prefix);
        accessibility(p.accessibility(), prefix);
        language(p.language(), prefix);
    }

    /** A comma-separated list of {@link AccessibilityFeature} names; every one must be offered. */
    private static java.util.Set<AccessibilityFeature> accessibility(String list, String prefix) {
        if (list == null || list.isBlank()) {
            return null;
        }
        requireAtMost(prefix + "accessibility", list, MAX_ACCESSIBILITY);
        java.util.Set<AccessibilityFeature> features = java.util.EnumSet.noneOf(AccessibilityFeature.class);
        for (String part : list.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            try {
                features.add(AccessibilityFeature.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(
                        prefix + "accessibility",
                        "must be a comma-separated list of "
                                + java.util.Arrays.toString(AccessibilityFeature.values()));
            }
        }
        return features;
    }

    private static String language(String language, String prefix) {
        if (language == null || language.isBlank()) {
            return null;
        }
        if (language.length() > MAX_LANGUAGE || !language.matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")) {
            throw Refusal.invalid(prefix + "language", "must be a language tag such as fa or en-GB");
        }
        return language.strip();
    }

    /** Validated, then slugs resolved to ids. */
    public Mono<EventFilter> resolve(Params p, String prefix, Unknown unknown) {
        return Mono.defer(() -> {
            validate(p, prefix);
            Mono<Optional<String>> organizationId = p.organization() == null
                    ? Mono.just(Optional.empty())
                    : known(
                            organizations.findBySlug(p.organization()).map(OrganizationRef::id),
                            unknown,
                            prefix + "organization",
                            "is not a known organization");
            Mono<Optional<String>> campaignId = p.campaign() == null
                    ? Mono.just(Optional.empty())
                    : known(
                            campaigns.findBySlug(p.campaign()).map(CampaignRef::id),
                            unknown,
                            prefix + "campaign",
                            "is not a known campaign");
            return Mono.zip(organizationId, campaignId)
                    .map(ids -> new EventFilter(
                            p.city() == null ? null : places.key(p.city(), p.country()),
                            p.country() == null ? null : p.country().toUpperCase(Locale.ROOT),
                            near(p, prefix),
                            kind(p.kind(), prefix),
                            p.tag() == null ? null : Tags.normalise(p.tag()),
                            ids.getT2().orElse(null),
                            ids.getT1().orElse(null),
                            p.q() == null ? List.of() : SearchText.tokens(p.q()),
                            accessibility(p.accessibility(), prefix),
                            language(p.language(), prefix)));
        });
    }

    private static Mono<Optional<String>> known(Mono<String> id, Unknown unknown, String field, String message) {
        return id.map(Optional::of)
                .switchIfEmpty(Mono.defer(() -> unknown == Unknown.INVALID
                        ? Mono.error(Refusal.invalid(field, message))
                        : Mono.just(Optional.of(NO_SUCH_ID))));
    }

    private static EventKind kind(String kind, String prefix) {
        if (kind == null) {
            return null;
        }
        for (EventKind k : EventKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        throw Refusal.invalid(prefix + "kind", "is not a kind of event");
    }

    private static EventFilter.Near near(Params p, String prefix) {
        double[] centre = p.near() == null ? null : parseNear(p.near(), prefix);
        if (centre == null && p.radiusKm() != null) {
            throw Refusal.invalid(prefix + "near", "is required with radiusKm");
        }
        double radius = p.radiusKm() == null ? DEFAULT_RADIUS_KM : p.radiusKm();
        if (Double.isNaN(radius) || radius <= 0 || radius > MAX_RADIUS_KM) {
            throw Refusal.invalid(prefix + "radiusKm", "must be more than 0 and at most " + MAX_RADIUS_KM);
        }
        return centre == null
                ? null
                : new EventFilter.Near(centre[0], centre[1], radius, Geo.box(centre[0], centre[1], radius));
    }

    private static double[] parseNear(String near, String prefix) {
        String[] parts = near.split(",");
        try {
            if (parts.length == 2) {
                double lat = Double.parseDouble(parts[0].strip());
                double lon = Double.parseDouble(parts[1].strip());
                if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                    return new double[] {lat, lon};
                }
            }
        } catch (NumberFormatException e) {
            // Falls through to the problem below.
        }
        throw Refusal.invalid(prefix + "near", "must be lat,lon with lat in [-90, 90] and lon in [-180, 180]");
    }

    private static void requireAtMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw Refusal.invalid(field, "may be at most " + max + " characters");
        }
    }
}
