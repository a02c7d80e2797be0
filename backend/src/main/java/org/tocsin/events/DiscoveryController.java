package org.tocsin.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.campaigns.CampaignCities;
import org.tocsin.campaigns.CampaignRef;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import org.tocsin.organizations.Role;
import org.tocsin.places.CityKeys;
import org.tocsin.places.Geo;
import org.tocsin.text.SearchText;
import org.tocsin.web.ApiProblem;
import org.tocsin.web.Dates;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/events}: one item per occurrence in the window, in start order, cursor-paginated. */
@RestController
class DiscoveryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final double MAX_RADIUS_KM = 1000;
    /** The widest window one query may ask for: what the index holds (a year back, two ahead). */
    static final Duration MAX_SPAN = EventIndex.BEHIND.plus(EventIndex.AHEAD);
    static final int MAX_QUERY = 200;

    private final EventIndex index;
    private final EventViews views;
    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final CampaignService campaigns;
    private final Clock clock;

    DiscoveryController(EventIndex index, EventViews views, OrganizationService organizations,
            OrganizationAccess access, CampaignService campaigns, Clock clock) {
        this.index = index;
        this.views = views;
        this.organizations = organizations;
        this.access = access;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    record Page(List<EventView> items, String nextCursor) {
    }

    @GetMapping("/api/v1/events")
    Mono<Page> discover(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String city, @RequestParam(required = false) String country,
            @RequestParam(required = false) String near, @RequestParam(required = false) Double radiusKm,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) EventKind kind, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String campaign, @RequestParam(required = false) String organization,
            @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            return Mono.error(ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (country != null && !country.matches("^[A-Za-z]{2}$")) {
            return Mono.error(ApiProblem.invalid("country", "must be an ISO 3166 two-letter country code"));
        }
        if (city != null && country == null) {
            return Mono.error(ApiProblem.invalid("country", "is required with city (Paris, FR or Paris, US?)"));
        }
        Instant fromInstant = instant("from", from, clock.instant());
        Instant toInstant = instant("to", to, fromInstant.plus(EventIndex.AHEAD));
        if (!toInstant.isAfter(fromInstant)) {
            return Mono.error(ApiProblem.invalid("to", "must be after from"));
        }
        if (toInstant.isAfter(fromInstant.plus(MAX_SPAN))) {
            return Mono.error(ApiProblem.invalid("to", "may be at most " + MAX_SPAN.toDays() + " days after from"));
        }
        // Every filter is bounded: the longest real value is far below these, and nothing longer is looked up.
        requireAtMost("q", q, MAX_QUERY);
        requireAtMost("city", city, 100);
        requireAtMost("tag", tag, 40);
        requireAtMost("campaign", campaign, 64);
        requireAtMost("organization", organization, 64);
        requireAtMost("cursor", cursor, 200);
        double[] centre = near == null ? null : parseNear(near);
        if (centre == null && radiusKm != null) {
            return Mono.error(ApiProblem.invalid("near", "is required with radiusKm"));
        }
        double radius = radiusKm == null ? 25 : radiusKm;
        if (Double.isNaN(radius) || radius <= 0 || radius > MAX_RADIUS_KM) {
            return Mono.error(ApiProblem.invalid("radiusKm", "must be more than 0 and at most " + MAX_RADIUS_KM));
        }
        EventQuery.Cursor after = cursor == null ? null : decode(cursor);
        Mono<Optional<String>> orgId = organization == null ? Mono.just(Optional.empty())
                : organizations.findBySlug(organization).map(OrganizationRef::id).map(Optional::of)
                        .defaultIfEmpty(Optional.of("-unknown-"));
        Mono<Optional<String>> campaignId = campaign == null ? Mono.just(Optional.empty())
                : campaigns.findBySlug(campaign).map(CampaignRef::id).map(Optional::of)
                        .defaultIfEmpty(Optional.of("-unknown-"));
        return Mono.zip(orgId, campaignId, access.roles(user)).flatMap(t -> {
            Map<String, Role> roles = t.getT3();
            // Hidden locations are filtered and searched on only by those who may read them (organizers).
            Set<String> locationsOf = roles.entrySet().stream()
                    .filter(r -> Permission.MANAGE_EVENTS.grantedTo(r.getValue())).map(Map.Entry::getKey)
                    .collect(Collectors.toUnmodifiableSet());
            EventQuery query = new EventQuery(city == null ? null : CityKeys.key(city, country),
                    country == null ? null : country.toUpperCase(Locale.ROOT),
                    centre == null ? null : Geo.box(centre[0], centre[1], radius),
                    centre == null ? null : centre[0], centre == null ? null : centre[1], radius,
                    fromInstant, toInstant, kind, tag == null ? null : Tags.normalise(tag), t.getT2().orElse(null),
                    t.getT1().orElse(null), q == null ? List.of() : SearchText.tokens(q), roles.keySet(), locationsOf,
                    after, size);
            List<EventIndex.Entry> hits = index.search(query);
            boolean more = hits.size() > size;
            List<EventIndex.Entry> page = more ? hits.subList(0, size) : hits;
            return views.views(page.stream().map(h -> new EventViews.Item(h.event(), h.occurrence(),
                            new EventPermissions(Optional.ofNullable(roles.get(h.event().organizationId())))))
                            .toList())
                    .map(items -> new Page(items, more ? encode(page.getLast()) : null));
        });
    }

    @GetMapping("/api/v1/cities")
    List<CampaignCities.CityCount> cities() {
        return index.upcomingCities();
    }

    private static Instant instant(String field, String value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        Instant parsed;
        try {
            parsed = Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                parsed = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiProblem.invalid(field, "must be an instant like 2026-03-05T18:00:00Z or a date like 2026-03-05");
            }
        }
        return Dates.requireInRange(field, parsed);
    }

    private static void requireAtMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiProblem.invalid(field, "may be at most " + max + " characters");
        }
    }

    private static double[] parseNear(String near) {
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
        throw ApiProblem.invalid("near", "must be lat,lon with lat in [-90, 90] and lon in [-180, 180]");
    }

    static String encode(EventIndex.Entry last) {
        String raw = last.occurrence().startUtc().toEpochMilli() + "|" + last.event().id() + "|"
                + (last.occurrence().recurrenceId() == null ? "" : last.occurrence().recurrenceId());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static EventQuery.Cursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            return new EventQuery.Cursor(Dates.requireInRange("cursor", Instant.ofEpochMilli(Long.parseLong(parts[0]))),
                    parts[1], parts[2]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | ApiProblem e) {
            throw ApiProblem.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
