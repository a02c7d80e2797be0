package org.tocsin.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often the sender looks for deliveries due ({@code tocsin.webhooks.poll-interval})
 * @param firstRetry the wait after a first failure; each next wait is six times longer, up to ten hours
 * @param retryFor how long a message is retried before it is given up
 * @param disableAfter an endpoint failing this long (every delivery given up meanwhile) is disabled, and its
 *     creator told by mail
 * @param keepLog how long settled deliveries stay in the log
 */
@ConfigurationProperties("tocsin.webhooks")
record WebhookProperties(
        Duration pollInterval, Duration firstRetry, Duration retryFor, Duration disableAfter, Duration keepLog) {

    WebhookProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        firstRetry = firstRetry == null ? Duration.ofSeconds(5) : firstRetry;
        retryFor = retryFor == null ? Duration.ofDays(1) : retryFor;
        disableAfter = disableAfter == null ? Duration.ofDays(3) : disableAfter;
        keepLog = keepLog == null ? Duration.ofDays(14) : keepLog;
    }

    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration MAX_WAIT = Duration.ofHours(10);

    Duration backoffAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(MAX_WAIT) < 0; i++) {
            wait = wait.multipliedBy(6);
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
