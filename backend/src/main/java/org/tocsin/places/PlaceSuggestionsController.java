package org.tocsin.places;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.kernel.Refusal;
import org.tocsin.ratelimits.ClientAddress;
import org.tocsin.ratelimits.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/places?q=teh}: the gazetteer's cities whose name or alias, in any script, begins with
 * what an organizer is typing, largest first, for the event editor's city field. Anyone may ask (the answer
 * comes from the offline gazetteer, the same for every caller, and reads no stored data); limited per address
 * because a typist asks once per pause.
 */
@RestController
class PlaceSuggestionsController {

    static final int MAX_QUERY = 64;
    static final int DEFAULT_LIMIT = 8;
    static final int MAX_LIMIT = 10;
    static final String LIMIT = "places-per-address";

    private final Gazetteer gazetteer;
    private final RateLimiter rateLimiter;

    PlaceSuggestionsController(Gazetteer gazetteer, RateLimiter rateLimiter) {
        this.gazetteer = gazetteer;
        this.rateLimiter = rateLimiter;
    }

    /** One suggested city; {@code names} holds its Persian name under "fa" when the gazetteer has one. */
    record Suggestion(
            String key, String name, Map<String, String> names, String country, String zone, double lat, double lon) {

        static Suggestion of(Gazetteer.City c) {
            return new Suggestion(
                    c.key(),
                    c.name(),
                    c.nameFa() == null ? Map.of() : Map.of("fa", c.nameFa()),
                    c.countryCode(),
                    c.timeZone(),
                    c.lat(),
                    c.lon());
        }
    }

    @GetMapping("/api/v1/places")
    Mono<List<Suggestion>> suggest(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit,
            ServerWebExchange exchange) {
        if (q == null || q.isBlank()) {
            return Mono.error(Refusal.invalid("q", "must not be empty"));
        }
        if (q.codePointCount(0, q.length()) > MAX_QUERY) {
            return Mono.error(Refusal.invalid("q", "may be at most " + MAX_QUERY + " characters"));
        }
        if (CityPrefixes.prefixOf(q).isEmpty()) {
            return Mono.error(Refusal.invalid("q", "must contain a letter or digit"));
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            return Mono.error(Refusal.invalid("limit", "must be between 1 and " + MAX_LIMIT));
        }
        return rateLimiter
                .consume(LIMIT, ClientAddress.of(exchange))
                .then(Mono.fromSupplier(() -> gazetteer.startingWith(q, size).stream()
                        .map(Suggestion::of)
                        .toList()));
    }
}
