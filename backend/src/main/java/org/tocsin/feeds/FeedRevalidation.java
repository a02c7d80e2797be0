package org.tocsin.feeds;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.tocsin.events.EventCatalog;
import org.tocsin.text.Language;
import reactor.core.publisher.Mono;

/**
 * Answers calendar apps' revalidations of public feeds (If-None-Match still current) with a 304
 * ahead of every other filter. They are most of a popular calendar's traffic, carry no credentials,
 * and the security chain, routing and observation cost several times the answer itself. Anything
 * else (a changed feed, an unknown calendar, a private feed) goes on to {@link FeedController}.
 */
@Component
// One after the first: the opt-in request metrics (metrics.RequestMetrics) go first, to count these 304s.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FeedRevalidation implements WebFilter {

    private static final Set<String> FORMATS = Set.of("ics", "json", "atom");
    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final PathPattern ORGANIZATION = PARSER.parse("/feeds/organizations/{slug}.{format}");
    private static final PathPattern CAMPAIGN = PARSER.parse("/feeds/campaigns/{slug}.{format}");
    private static final PathPattern CITY = PARSER.parse("/feeds/cities/{country}/{city}.{format}");
    private static final PathPattern TAG = PARSER.parse("/feeds/tags/{tag}.{format}");

    private final FeedScopes scopes;
    private final EventCatalog catalog;

    private final Duration maxAge;

    FeedRevalidation(FeedScopes scopes, EventCatalog catalog, @Value("${tocsin.feeds.max-age:PT5M}") Duration maxAge) {
        this.maxAge = maxAge;
        this.scopes = scopes;
        this.catalog = catalog;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getIfNoneMatch().isEmpty()
                || request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return chain.filter(exchange);
        }
        PathContainer path = request.getPath().pathWithinApplication();
        Map<String, String> vars;
        Mono<FeedScope> scope;
        if ((vars = variables(ORGANIZATION, path)) != null) {
            scope = scopes.organization(vars.get("slug"));
        } else if ((vars = variables(CAMPAIGN, path)) != null) {
            scope = scopes.campaign(vars.get("slug"));
        } else if ((vars = variables(CITY, path)) != null) {
            scope = scopes.city(vars.get("country"), vars.get("city"));
        } else if ((vars = variables(TAG, path)) != null) {
            scope = scopes.tag(vars.get("tag"));
        } else {
            return chain.filter(exchange);
        }
        String format = vars.get("format");
        if (!FORMATS.contains(format)) {
            return chain.filter(exchange);
        }
        List<String> ifNoneMatch = request.getHeaders().getIfNoneMatch();
        Language language = FeedWords.language(request.getQueryParams().getFirst("lang"));
        return scope.map(s -> FeedValidators.of(s, catalog.version(s.selection()), format, language))
                .filter(v -> ifNoneMatch.contains(v.etag()) || ifNoneMatch.contains("W/" + v.etag()))
                .map(v -> {
                    ServerHttpResponse response = exchange.getResponse();
                    response.setStatusCode(HttpStatus.NOT_MODIFIED);
                    response.getHeaders().setETag(v.etag());
                    response.getHeaders().setLastModified(v.lastModified());
                    v.writeTo(response.getHeaders(), maxAge);
                    return true;
                })
                // Unknown calendars and changed feeds: the controller answers, with a problem or the feed.
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty(false)
                .flatMap(answered -> answered ? exchange.getResponse().setComplete() : chain.filter(exchange));
    }

    private static Map<String, String> variables(PathPattern pattern, PathContainer path) {
        PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
        return match == null ? null : match.getUriVariables();
    }
}
