package org.tocsin.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.EventCatalog;
import org.tocsin.events.EventView;
import org.tocsin.events.FeedSelection;
import org.tocsin.ical.IcsFeed;
import org.tocsin.kernel.Refusal;
import org.tocsin.text.Language;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The feeds calendar apps and partner sites poll. The validator (ETag, Last-Modified) comes from
 * the events' versions, so a conditional request is answered 304 before anything is rendered;
 * rendered feeds are kept by version, so a million subscribers cost one rendering per change.
 */
@RestController
class FeedController {

    static final Duration PUBLIC_MAX_AGE = Duration.ofMinutes(5);

    /** {@code tocsin.feeds.max-age}, default {@link #PUBLIC_MAX_AGE}; the replica rehearsal shortens it to see nginx revalidate. */
    private final Duration maxAge;

    private static final Map<String, MediaType> TYPES = Map.of(
            "ics", MediaType.parseMediaType("text/calendar; charset=utf-8"),
            "json", MediaType.parseMediaType("application/feed+json; charset=utf-8"),
            "atom", MediaType.parseMediaType("application/atom+xml; charset=utf-8"));

    private final FeedScopes scopes;
    private final EventCatalog catalog;
    private final IcsFeed ics;
    private final JsonFeed jsonFeed;
    private final AtomFeed atom;
    private final RenderedFeeds rendered;
    private final FeedWords words;
    private final Clock clock;

    FeedController(
            FeedScopes scopes,
            EventCatalog catalog,
            IcsFeed ics,
            JsonFeed jsonFeed,
            AtomFeed atom,
            RenderedFeeds rendered,
            FeedWords words,
            Clock clock,
            @Value("${tocsin.feeds.max-age:PT5M}") Duration maxAge) {
        this.maxAge = maxAge;
        this.scopes = scopes;
        this.catalog = catalog;
        this.ics = ics;
        this.jsonFeed = jsonFeed;
        this.atom = atom;
        this.rendered = rendered;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/feeds/organizations/{slug}.{format}")
    Mono<ResponseEntity<byte[]>> organization(
            @PathVariable String slug,
            @PathVariable String format,
            @RequestParam(required = false) String lang,
            ServerWebExchange exchange) {
        return serve(format, scopes.organization(slug), lang, exchange);
    }

    @GetMapping("/feeds/campaigns/{slug}.{format}")
    Mono<ResponseEntity<byte[]>> campaign(
            @PathVariable String slug,
            @PathVariable String format,
            @RequestParam(required = false) String lang,
            ServerWebExchange exchange) {
        return serve(format, scopes.campaign(slug), lang, exchange);
    }

    @GetMapping("/feeds/cities/{country}/{city}.{format}")
    Mono<ResponseEntity<byte[]>> city(
            @PathVariable String country,
            @PathVariable String city,
            @PathVariable String format,
            @RequestParam(required = false) String lang,
            ServerWebExchange exchange) {
        return serve(format, scopes.city(country, city), lang, exchange);
    }

    @GetMapping("/feeds/tags/{tag}.{format}")
    Mono<ResponseEntity<byte[]>> tag(
            @PathVariable String tag,
            @PathVariable String format,
            @RequestParam(required = false) String lang,
            ServerWebExchange exchange) {
        return serve(format, scopes.tag(tag), lang, exchange);
    }

    @GetMapping("/feeds/calendars/{slug}.{format}")
    Mono<ResponseEntity<byte[]>> saved(
            @PathVariable String slug,
            @PathVariable String format,
            @RequestParam(required = false) String lang,
            ServerWebExchange exchange) {
        return serve(format, scopes.saved(slug), lang, exchange);
    }

    /** The URL is the credential: it never appears in lists, and logs name it without the token. */
    @GetMapping("/feeds/private/{token}.ics")
    Mono<ResponseEntity<byte[]>> members(@PathVariable String token, ServerWebExchange exchange) {
        // A private feed stays English: nobody shares its address to be read in another language.
        return serve("ics", scopes.privateFeed(token), null, exchange);
    }

    @GetMapping("/feeds/events.{format}")
    Mono<ResponseEntity<byte[]>> filtered(
            @PathVariable String format, @RequestParam(required = false) String lang, ServerWebExchange exchange) {
        return serve(format, scopes.filtered(exchange.getRequest().getQueryParams()), lang, exchange);
    }

    /**
     * "Add to calendar" for one event: the same VEVENTs as in the feeds, as a download, with the feeds'
     * validators and 304 (calendar apps subscribe to it too) and, for an event anyone may read, CORS. {@code
     * ?lang=fa} writes it in Persian as the feeds do; its ETag, a digest of the body, differs per language.
     */
    @GetMapping("/events/{id}.ics")
    Mono<ResponseEntity<byte[]>> single(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @RequestParam(required = false) String lang,
            ServerWebExchange exchange) {
        FeedWords.Words language = words.of(FeedWords.language(lang));
        return catalog.visibleEvent(user, id)
                .publishOn(Schedulers.boundedElastic())
                .map(view -> {
                    CalendarMeta meta = language.named(new CalendarMeta(
                            view.title(),
                            "An action on Tocsin",
                            "/events/" + id,
                            "/events/" + id,
                            CalendarMeta.Wording.of(null, "feed_about_event")));
                    byte[] body = ics.render(
                                    meta.name(), meta.description(), List.of(view), clock.instant(), language.ics())
                            .getBytes(StandardCharsets.UTF_8);
                    // PRIVATE events are read with a member's session: never a shared cache, never another origin.
                    FeedValidators validators = FeedValidators.ofBody(
                            body, view.updatedAt(), view.visibility() != org.tocsin.events.Visibility.PRIVATE);
                    validators.writeTo(exchange.getResponse().getHeaders(), maxAge);
                    if (exchange.checkNotModified(validators.etag(), validators.lastModified())) {
                        return ResponseEntity.status(304).<byte[]>build();
                    }
                    return ResponseEntity.ok()
                            .contentType(TYPES.get("ics"))
                            .header(
                                    HttpHeaders.CONTENT_DISPOSITION,
                                    ContentDisposition.attachment()
                                            .filename("tocsin-" + id + ".ics")
                                            .build()
                                            .toString())
                            .eTag(validators.etag())
                            .lastModified(validators.lastModified())
                            .body(body);
                });
    }

    /** {@code lang}: {@code ?lang=fa} writes the feed's own words in Persian; anything else is English. */
    Mono<ResponseEntity<byte[]>> serve(String format, Mono<FeedScope> scope, String lang, ServerWebExchange exchange) {
        MediaType type = TYPES.get(format);
        if (type == null) {
            return Mono.error(Refusal.notFound("Feed format"));
        }
        return scope.flatMap(s -> {
            FeedSelection.Version version = catalog.version(s.selection());
            Language language =
                    FeedWords.language(exchange.getRequest().getQueryParams().getFirst("lang"));
            FeedValidators validators = FeedValidators.of(s, version, format, language);
            validators.writeTo(exchange.getResponse().getHeaders(), maxAge);
            String etag = validators.etag();
            if (exchange.checkNotModified(etag, validators.lastModified())) {
                return Mono.just(ResponseEntity.status(304).<byte[]>build());
            }
            return rendered.get(
                            etag,
                            () -> catalog.events(s.selection())
                                    .collectList()
                                    // iCal4j loads each zone's rules from its jar the first time a TZID is written:
                                    // rendering runs where blocking is allowed.
                                    .publishOn(Schedulers.boundedElastic())
                                    .map(items -> render(format, s.meta(), items, version, words.of(language))))
                    .map(body -> ResponseEntity.ok()
                            .contentType(type)
                            .eTag(etag)
                            .lastModified(validators.lastModified())
                            .body(body));
        });
    }

    private byte[] render(
            String format,
            CalendarMeta meta,
            List<EventView> items,
            FeedSelection.Version version,
            FeedWords.Words words) {
        meta = words.named(meta);
        String text = switch (format) {
            case "ics" -> ics.render(meta.name(), meta.description(), items, clock.instant(), words.ics());
            case "json" -> jsonFeed.render(meta, items, words);
            default -> atom.render(meta, items, version.lastModified(), words);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
