package org.tocsin.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.kernel.Dates;
import org.tocsin.kernel.Refusal;
import org.tocsin.ratelimits.ClientAddress;
import org.tocsin.ratelimits.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Delta sync for partners mirroring Tocsin ({@code docs/partner-sync.md}): {@code GET
 * /api/v1/events?updatedSince=…} (the events the caller lists that changed, cancelled ones included) and
 * {@code GET /api/v1/events/deleted?since=…} (tombstones). Each answer carries {@code nextCursor} and a
 * {@code next} link to go on from (a {@code Link: rel="next"} header while more is ready now), and
 * spends the caller's {@code sync} limit, which the {@code RateLimit} headers report: per account for
 * signed-in callers and API tokens, per address for anonymous ones.
 */
@RestController
class SyncController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 200;
    static final String LIMIT = "sync";

    private static final Set<String> CHANGES_PARAMETERS = Set.of("updatedSince", "cursor", "limit");
    private static final Set<String> REMOVALS_PARAMETERS = Set.of("since", "cursor", "limit");

    private final DeltaSync sync;
    private final RateLimiter limits;

    SyncController(DeltaSync sync, RateLimiter limits) {
        this.sync = sync;
        this.limits = limits;
    }

    /** A page of a feed as answered. */
    record SyncPage<T>(List<T> items, boolean more, String nextCursor, String next) {}

    @GetMapping(path = "/api/v1/events", params = "updatedSince")
    Mono<SyncPage<EventView>> listEventChanges(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam String updatedSince,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit,
            ServerWebExchange exchange) {
        return answer(
                user,
                exchange,
                CHANGES_PARAMETERS,
                "updatedSince",
                updatedSince,
                SyncCursor.CHANGES,
                cursor,
                limit,
                (position, size) -> sync.changes(user, position, size));
    }

    @GetMapping("/api/v1/events/deleted")
    Mono<SyncPage<DeltaSync.Removed>> listDeletedEvents(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit,
            ServerWebExchange exchange) {
        if (since == null && cursor == null) {
            return Mono.error(Refusal.invalid("since", "is required: an instant like 2026-03-05T18:00:00Z"));
        }
        return answer(
                user,
                exchange,
                REMOVALS_PARAMETERS,
                "since",
                since,
                SyncCursor.REMOVALS,
                cursor,
                limit,
                (position, size) -> sync.removals(user, position, size));
    }

    private <T> Mono<SyncPage<T>> answer(
            CurrentUser user,
            ServerWebExchange exchange,
            Set<String> allowed,
            String sinceName,
            String since,
            char feed,
            String cursor,
            Integer limit,
            BiFunction<SyncCursor, Integer, Mono<DeltaSync.Page<T>>> read) {
        return Mono.defer(() -> {
            for (String name : exchange.getRequest().getQueryParams().keySet()) {
                if (!allowed.contains(name)) {
                    String field = name.length() > 40 ? name.substring(0, 40) : name;
                    return Mono.error(Refusal.invalid(field, "is not a parameter of this feed; it takes " + allowed));
                }
            }
            int size = limit == null ? DEFAULT_LIMIT : limit;
            if (size < 1 || size > MAX_LIMIT) {
                return Mono.error(Refusal.invalid("limit", "must be between 1 and " + MAX_LIMIT));
            }
            Instant from = since == null ? null : instant(sinceName, since);
            SyncCursor position = cursor != null ? SyncCursor.decode(feed, cursor) : SyncCursor.from(feed, from);
            return spend(user, exchange).then(read.apply(position, size)).map(page -> {
                String next = next(exchange, sinceName, from, page.resume(), limit);
                if (page.more()) {
                    exchange.getResponse().getHeaders().add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
                }
                return new SyncPage<>(page.items(), page.more(), page.resume().encode(), next);
            });
        });
    }

    /** One request of the caller's {@code sync} limit, told in the RateLimit headers; a 429 when spent. */
    private Mono<Void> spend(CurrentUser user, ServerWebExchange exchange) {
        String[] key = user == null
                ? new String[] {"address", ClientAddress.of(exchange)}
                : new String[] {"account", user.id()};
        return limits.spend(LIMIT, key).flatMap(allowance -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("RateLimit-Policy", allowance.policyHeader());
            headers.set("RateLimit", allowance.header());
            return allowance.allowed() ? Mono.<Void>empty() : Mono.error(Refusal.rateLimited(allowance.retryAfter()));
        });
    }

    /** The link to go on from: the same feed from the page's end, the instant it was asked from in canonical form. */
    private static String next(
            ServerWebExchange exchange, String sinceName, Instant from, SyncCursor resume, Integer limit) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(
                exchange.getRequest().getPath().pathWithinApplication().value());
        if (from != null) {
            link.queryParam(sinceName, from.toString());
        }
        link.queryParam("cursor", resume.encode());
        if (limit != null) {
            link.queryParam("limit", limit);
        }
        return link.encode().build().toUriString();
    }

    private static Instant instant(String field, String value) {
        Instant parsed;
        try {
            parsed = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "must be an RFC 3339 instant like 2026-03-05T18:00:00Z");
        }
        return Dates.requireInRange(field, parsed);
    }
}
