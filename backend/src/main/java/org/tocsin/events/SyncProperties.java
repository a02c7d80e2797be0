package org.tocsin.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tocsin.sync.*}: the delta-sync feeds for partners mirroring Tocsin.
 *
 * @param horizon   how far behind the clock the feeds stop: a change is handed out only once its
 *                  timestamp is this old, so a write that stamped its time but had not committed
 *                  when a page was read still comes after that page's cursor. It must exceed the time
 *                  from a write's stamp to its commit (the longest is an edit whose recurrence takes
 *                  up to two seconds to check) plus the replicas' clock skew.
 * @param retention how long tombstones stay in the deletions feed (at least 90 days by default); a
 *                  partner who has not synced for longer must read everything again
 * @param cleanupInterval how often expired tombstones are dropped
 */
@ConfigurationProperties("tocsin.sync")
public record SyncProperties(Duration horizon, Duration retention, Duration cleanupInterval) {

    public SyncProperties {
        horizon = horizon == null ? Duration.ofSeconds(5) : horizon;
        retention = retention == null ? Duration.ofDays(90) : retention;
        cleanupInterval = cleanupInterval == null ? Duration.ofHours(1) : cleanupInterval;
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("tocsin.sync.horizon must not be negative");
        }
    }
}
