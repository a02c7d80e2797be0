package org.tocsin.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * In-process token buckets (Bucket4j) against credential stuffing and spam. Limits are per
 * replica: N replicas allow N times the configured rate, which is what the limits are sized for.
 * Full buckets are dropped every few minutes, so memory follows only the recently active keys.
 */
@Component
public class RateLimiter {

    private final RateLimitProperties properties;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimitProperties properties) {
        this.properties = properties;
    }

    /**
     * Takes one token from the bucket of {@code limit} for {@code key}; fails with a 429
     * {@link ApiProblem} carrying Retry-After when it is empty. Unknown limit names never limit.
     */
    public Mono<Void> consume(String limit, String key) {
        return Mono.defer(() -> {
            if (!properties.enabled()) {
                return Mono.empty();
            }
            RateLimitProperties.Limit config = properties.limits().get(limit);
            if (config == null) {
                return Mono.empty();
            }
            Bucket bucket = buckets.computeIfAbsent(limit + '\u0000' + key, k -> Bucket.builder()
                    .addLimit(l -> l.capacity(config.capacity()).refillGreedy(config.capacity(), config.period()))
                    .build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return Mono.empty();
            }
            return Mono.error(ApiProblem.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill())));
        });
    }

    @Scheduled(fixedDelayString = "PT5M")
    void dropFullBuckets() {
        buckets.entrySet().removeIf(entry -> {
            String limit = entry.getKey().substring(0, entry.getKey().indexOf('\u0000'));
            RateLimitProperties.Limit config = properties.limits().get(limit);
            return config == null || entry.getValue().getAvailableTokens() >= config.capacity();
        });
    }
}
