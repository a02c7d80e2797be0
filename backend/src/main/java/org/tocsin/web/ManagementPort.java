package org.tocsin.web;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;

/**
 * The port of the management server, when the operator gave it one of its own (the {@code metrics} profile):
 * WebFlux's security chain filters that server's requests too, so the chain needs to tell them apart to let
 * the Prometheus scrape through there and nowhere else. Known once that server has started (its event reaches
 * this, the parent context); until then, and without one, nothing matches.
 */
@Component
class ManagementPort {

    private static final String NAMESPACE = "management";

    private final AtomicInteger port = new AtomicInteger(-1);

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            port.set(event.getWebServer().getPort());
        }
    }

    /** {@code GET /actuator/prometheus} received on the management port. */
    ServerWebExchangeMatcher prometheusScrape() {
        return exchange -> {
            var request = exchange.getRequest();
            var local = request.getLocalAddress();
            boolean scrape = port.get() > 0
                    && local != null
                    && local.getPort() == port.get()
                    && request.getMethod().matches("GET")
                    && request.getPath().pathWithinApplication().value().equals("/actuator/prometheus");
            return scrape
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}
