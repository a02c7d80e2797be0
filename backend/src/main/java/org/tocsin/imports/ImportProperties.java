package org.tocsin.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often the poller looks for sources due ({@code tocsin.imports.poll-interval})
 * @param interval the shortest time between two fetches of one source; a longer REFRESH-INTERVAL wins
 * @param maxBackoff the longest wait after repeated failures
 * @param maxSources sources per organization
 * @param concurrency sources synced at once per replica
 */
@ConfigurationProperties("tocsin.imports")
record ImportProperties(
        Duration pollInterval, Duration interval, Duration maxBackoff, Integer maxSources, Integer concurrency) {

    ImportProperties {
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        interval = interval == null ? Duration.ofHours(1) : interval;
        maxBackoff = maxBackoff == null ? Duration.ofDays(1) : maxBackoff;
        maxSources = maxSources == null ? 20 : maxSources;
        concurrency = concurrency == null ? 4 : concurrency;
    }

    static final Duration LEASE = Duration.ofMinutes(10);
}
