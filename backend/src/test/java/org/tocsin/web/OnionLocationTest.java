package org.tocsin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * {@code Onion-Location} as Tor Browser sees it: on HTML pages, pointing at the same page on the onion
 * service; never on the API or feeds, never on a write, and never when unset; a mistyped address stops
 * the start instead of sending visitors elsewhere.
 */
class OnionLocationTest {

    private static final String ONION = "http://tocsinexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxxxx.onion";

    @Test
    void htmlPagesPointToTheSamePageOnTheOnionService() {
        MockServerWebExchange page = run(
                new OnionLocation(ONION + "/"), MockServerHttpRequest.get("/events/abc?lang=fa"), MediaType.TEXT_HTML);
        assertThat(page.getResponse().getHeaders().getFirst(OnionLocation.HEADER))
                .isEqualTo(ONION + "/events/abc?lang=fa");
        MockServerWebExchange utf8 = run(
                new OnionLocation(ONION),
                MockServerHttpRequest.get("/"),
                MediaType.parseMediaType("text/html;charset=UTF-8"));
        assertThat(utf8.getResponse().getHeaders().getFirst(OnionLocation.HEADER))
                .isEqualTo(ONION + "/");
    }

    @Test
    void notOnTheApiNorFeedsNorWritesNorWhenUnset() {
        assertThat(run(
                                new OnionLocation(ONION),
                                MockServerHttpRequest.get("/api/v1/events"),
                                MediaType.APPLICATION_JSON)
                        .getResponse()
                        .getHeaders()
                        .containsHeader(OnionLocation.HEADER))
                .isFalse();
        assertThat(run(
                                new OnionLocation(ONION),
                                MockServerHttpRequest.get("/feeds/all.ics"),
                                MediaType.parseMediaType("text/calendar"))
                        .getResponse()
                        .getHeaders()
                        .containsHeader(OnionLocation.HEADER))
                .isFalse();
        assertThat(run(new OnionLocation(ONION), MockServerHttpRequest.post("/rsvp"), MediaType.TEXT_HTML)
                        .getResponse()
                        .getHeaders()
                        .containsHeader(OnionLocation.HEADER))
                .isFalse();
        assertThat(run(new OnionLocation(""), MockServerHttpRequest.get("/"), MediaType.TEXT_HTML)
                        .getResponse()
                        .getHeaders()
                        .containsHeader(OnionLocation.HEADER))
                .isFalse();
    }

    @Test
    void anAddressThatIsNotAnOnionServiceStopsTheStart() {
        assertThatThrownBy(() -> new OnionLocation("https://tocsin.example.org"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OnionLocation("ftp://abc.onion")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OnionLocation("not a url")).isInstanceOf(IllegalStateException.class);
    }

    private static MockServerWebExchange run(
            OnionLocation filter, MockServerHttpRequest.BaseBuilder<?> request, MediaType answered) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        WebFilterChain chain = e -> {
            e.getResponse().getHeaders().setContentType(answered);
            return e.getResponse().setComplete();
        };
        filter.filter(exchange, chain).block(Duration.ofSeconds(5));
        return exchange;
    }
}
