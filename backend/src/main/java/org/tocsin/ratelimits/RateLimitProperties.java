package org.tocsin.ratelimits;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tocsin.rate-limits.*}: one bucket per (limit name, key), refilled greedily over its period.
 * {@code enabled=false} switches every limit off (for load tests).
 */
@ConfigurationProperties("tocsin.rate-limits")
public record RateLimitProperties(boolean enabled, Map<String, Limit> limits) {

    public RateLimitProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    /** {@code capacity} requests per {@code period}. */
    public record Limit(long capacity, Duration period) {}
}
