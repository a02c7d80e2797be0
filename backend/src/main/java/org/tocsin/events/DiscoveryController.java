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
import org.tocsin.kernel.Dates;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.Permission;
import org.tocsin.organizations.Role;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/events}: one item per occurrence in the window, in start order, cursor-paginated. */
@RestController
class DiscoveryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** The widest window one query may ask for: what the index holds (a year back, two ahead). */
    static final Duration MAX_SPAN = EventIndex.BEHIND.plus(EventIndex.AHEAD);

    static final int MAX_CURSOR = 200;

    private final EventIndex index;
    private final EventViews views;
    private final EventFilters filters;
    private final OrganizationAccess access;
    private final Clock clock;

    DiscoveryController(
            EventIndex index, EventViews views, EventFilters filters, OrganizationAccess access, Clock clock) {
        this.index = index;
        this.views = views;
        this.filters = filters;
        this.access = access;
        this.clock = clock;
    }

    record Page(List<EventView> items, String nextCursor) {}

    @GetMapping("/api/v1/events")
    Mono<Page> discover(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String near,
            @RequestParam(required = false) Double radiusKm,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) EventKind kind,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String accessibility,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            return Mono.error(Refusal.invalid("limit", "must be between 1 and " + MAX_LIMIT));
        }
        Instant fromInstant = instant("from", from, clock.instant());
        Instant toInstant = instant("to", to, fromInstant.plus(EventIndex.AHEAD));
        if (!toInstant.isAfter(fromInstant)) {
            return Mono.error(Refusal.invalid("to", "must be after from"));
        }
        if (toInstant.isAfter(fromInstant.plus(MAX_SPAN))) {
            return Mono.error(Refusal.invalid("to", "may be at most " + MAX_SPAN.toDays() + " days after from"));
        }
        if (cursor != null && cursor.length() > MAX_CURSOR) {
            return Mono.error(Refusal.invalid("cursor", "may be at most " + MAX_CURSOR + " characters"));
        }
        EventQuery.Cursor after = cursor == null ? null : decode(cursor);
        // A search that names an organization or campaign nobody has finds nothing; it is not an error.
        Mono<EventFilter> filter = filters.resolve(
                new EventFilters.Params(
                        city,
                        country,
                        near,
                        radiusKm,
                        kind == null ? null : kind.name(),
                        tag,
                        campaign,
                        organization,
                        q,
                        accessibility,
                        language),
                "",
                EventFilters.Unknown.MATCHES_NOTHING);
        return Mono.zip(filter, access.roles(user)).flatMap(t -> {
            Map<String, Role> roles = t.getT2();
            // Hidden locations are filtered and searched on only by those who may read them (organizers).
            Set<String> locationsOf = roles.entrySet().stream()
                    .filter(r -> Permission.MANAGE_EVENTS.grantedTo(r.getValue()))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toUnmodifiableSet());
            EventQuery query =
                    new EventQuery(t.getT1(), fromInstant, toInstant, roles.keySet(), locationsOf, after, size);
            List<EventIndex.Entry> hits = index.search(query);
            boolean more = hits.size() > size;
            List<EventIndex.Entry> page = more ? hits.subList(0, size) : hits;
            return views.views(page.stream()
                            .map(h -> new EventViews.Item(
                                    h.event(),
                                    h.occurrence(),
                                    new EventPermissions(Optional.ofNullable(
                                            roles.get(h.event().organizationId())))))
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
                throw Refusal.invalid(field, "must be an instant like 2026-03-05T18:00:00Z or a date like 2026-03-05");
            }
        }
        return Dates.requireInRange(field, parsed);
    }

    static String encode(EventIndex.Entry last) {
        String raw =
                last.occurrence().startUtc().toEpochMilli() + "|" + last.event().id() + "|"
                        + (last.occurrence().recurrenceId() == null
                                ? ""
                                : last.occurrence().recurrenceId());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static EventQuery.Cursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            return new EventQuery.Cursor(
                    Dates.requireInRange("cursor", Instant.ofEpochMilli(Long.parseLong(parts[0]))), parts[1], parts[2]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | Refusal e) {
            throw Refusal.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
