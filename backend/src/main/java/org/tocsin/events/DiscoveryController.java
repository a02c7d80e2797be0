package org.tocsin.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.campaigns.CampaignCities;
import org.tocsin.kernel.Dates;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/events}: one item per occurrence in the window, in start order, cursor-paginated. */
@RestController
class DiscoveryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** The widest window one query may ask for: what the index holds (a year back, two ahead). */
    static final Duration MAX_SPAN = EventIndex.BEHIND.plus(EventIndex.AHEAD);

    private final EventIndex index;
    private final EventDiscovery discovery;
    private final Clock clock;

    DiscoveryController(EventIndex index, EventDiscovery discovery, Clock clock) {
        this.index = index;
        this.discovery = discovery;
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
        // A search that names an organization or campaign nobody has finds nothing; it is not an error.
        return discovery
                .find(
                        user,
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
                        fromInstant,
                        toInstant,
                        cursor,
                        size)
                .map(found -> new Page(found.items(), found.nextCursor()));
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
}
