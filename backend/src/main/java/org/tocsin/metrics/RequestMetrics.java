package org.tocsin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The few request metrics that matter, measured around the whole chain (security included), by path shape
 * alone: feeds by outcome ({@code tocsin_feed_requests_total{outcome="not_modified"}} over the total is the
 * 304 share), discovery's latency as a histogram, RSVPs (the JSON API's and the no-JavaScript form's) as
 * accepted or refused. Spring's per-request observations stay off: they cost a third of a feed
 * revalidation's CPU (docs/feeds-benchmark.md), and their URI tags are more than an operator needs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnBooleanProperty("tocsin.metrics.enabled")
class RequestMetrics implements WebFilter {

    private static final Pattern FEED = Pattern.compile("^/feeds/.+|^/events/[^/]+\\.ics$");
    private static final Pattern RSVP = Pattern.compile("^/api/v1/events/[^/]+/rsvps$|^/events/[^/]+/rsvp$");

    private final Counter feedOk;
    private final Counter feedNotModified;
    private final Counter feedOther;
    private final Timer discovery;
    private final Counter rsvpAccepted;
    private final Counter rsvpRefused;

    RequestMetrics(MeterRegistry registry) {
        feedOk = feed(registry, "ok");
        feedNotModified = feed(registry, "not_modified");
        feedOther = feed(registry, "error");
        discovery = Timer.builder("tocsin.discovery.latency")
                .description("GET /api/v1/events, from the request to the end of its answer")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        rsvpAccepted = rsvp(registry, "accepted");
        rsvpRefused = rsvp(registry, "refused");
    }

    private static Counter feed(MeterRegistry registry, String outcome) {
        return Counter.builder("tocsin.feed.requests")
                .description("Feed and .ics requests by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    private static Counter rsvp(MeterRegistry registry, String outcome) {
        return Counter.builder("tocsin.rsvps")
                .description("RSVPs sent (JSON API and HTML form), accepted or refused")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD)
                && FEED.matcher(path).matches()) {
            return chain.filter(exchange)
                    .doFinally(signal -> countFeed(exchange.getResponse().getStatusCode()));
        }
        if (method == HttpMethod.GET && path.equals("/api/v1/events")) {
            long started = System.nanoTime();
            return chain.filter(exchange)
                    .doFinally(signal -> discovery.record(Duration.ofNanos(System.nanoTime() - started)));
        }
        if (method == HttpMethod.POST && RSVP.matcher(path).matches()) {
            return chain.filter(exchange).doFinally(signal -> {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                (status != null && (status.is2xxSuccessful() || status.is3xxRedirection()) ? rsvpAccepted : rsvpRefused)
                        .increment();
            });
        }
        return chain.filter(exchange);
    }

    private void countFeed(HttpStatusCode status) {
        if (status == null || status.is2xxSuccessful()) {
            feedOk.increment();
        } else if (status.value() == 304) {
            feedNotModified.increment();
        } else {
            feedOther.increment();
        }
    }
}
