package org.tocsin.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;
import org.tocsin.places.CityKeys;
import org.tocsin.places.PlaceService;
import reactor.core.publisher.Mono;

/**
 * Old city addresses keep working: a city page or feed named by an alias the gazetteer knows
 * ({@code /feeds/cities/ir/تهران.ics}, the key such a city had before the gazetteer) answers 301 to the
 * canonical city's address ({@code /feeds/cities/ir/tehran.ics}), query kept, so subscribed calendar
 * apps and shared links move to the one merged feed. The answer depends only on the gazetteer (public
 * data), never on what is stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CityRedirects implements WebFilter {

    private static final Pattern CITY_ADDRESS =
            Pattern.compile("^(/feeds)?/cities/([A-Za-z]{2})/([^/.]+)(\\.(?:ics|json|atom))?/?$");

    private final PlaceService places;

    CityRedirects(PlaceService places) {
        this.places = places;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return chain.filter(exchange);
        }
        Matcher m =
                CITY_ADDRESS.matcher(request.getPath().pathWithinApplication().value());
        if (!m.matches() || m.group(1) == null != (m.group(4) == null)) {
            return chain.filter(exchange);
        }
        String country = m.group(2);
        String typed;
        try {
            typed = UriUtils.decode(m.group(3), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return chain.filter(exchange);
        }
        String asTyped = CityKeys.key(typed, country);
        return places.listed(typed, country)
                .filter(city -> !city.key().equals(asTyped))
                .map(city -> redirect(exchange, m, city.key()))
                .orElseGet(() -> chain.filter(exchange));
    }

    private static Mono<Void> redirect(ServerWebExchange exchange, Matcher m, String key) {
        String path = (m.group(1) == null ? "" : "/feeds") + "/cities/"
                + UriUtils.encodePath(key, StandardCharsets.UTF_8)
                + (m.group(4) == null ? "" : m.group(4));
        String query = exchange.getRequest().getURI().getRawQuery();
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        response.getHeaders().setLocation(URI.create(query == null ? path : path + "?" + query));
        response.getHeaders().setCacheControl("public, max-age=86400");
        return response.setComplete();
    }
}
