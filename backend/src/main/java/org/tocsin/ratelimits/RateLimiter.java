package org.tocsin.ratelimits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/**
 * In-process token buckets (Bucket4j) against credential stuffing and spam. Limits are per
 * replica: N replicas allow N times the configured rate, which is what the limits are sized for.
 * Full buckets are dropped every few minutes, so memory follows only the recently active keys.
 * Keys (client addresses, emails) are held only as HMACs under a key drawn at start and never stored:
 * a heap dump shows which buckets exist, not whose.
 */
@Component
public class RateLimiter {

    private final RateLimitProperties properties;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final SecretKeySpec hashKey;
    private final ThreadLocal<Mac> macs;

    RateLimiter(RateLimitProperties properties) {
        this.properties = properties;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.hashKey = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(hashKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    /**
     * A keyed hash (HMAC-SHA256 under this process's random key, 128 bits kept) of {@code parts}: what
     * in-memory limits and lists keep instead of addresses and emails. Stable for the life of the process.
     */
    public String fingerprint(String... parts) {
        Mac mac = macs.get();
        for (String part : parts) {
            mac.update(part.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
        }
        byte[] digest = mac.doFinal();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    /**
     * Takes one token from the bucket of {@code limit} for the key made of {@code key} (one or more
     * parts, e.g. an account and an address); fails with a {@link Refusal} (RATE_LIMITED, a 429 with Retry-After at the edge)
     * when it is empty. Unknown limit names never limit.
     */
    public Mono<Void> consume(String limit, String... key) {
        return Mono.defer(() -> {
            if (!properties.enabled()) {
                return Mono.empty();
            }
            RateLimitProperties.Limit config = properties.limits().get(limit);
            if (config == null) {
                return Mono.empty();
            }
            ConsumptionProbe probe = bucket(limit, config, key).tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return Mono.empty();
            }
            return Mono.error(Refusal.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill())));
        });
    }

    /**
     * Like {@link #consume}, for answers that tell the caller their limit ({@code RateLimit} headers):
     * takes one token and says what is left, whether it was allowed or not. Empty when limits are off
     * or {@code limit} is not configured (nothing is limited, nothing to tell).
     */
    public Mono<Allowance> spend(String limit, String... key) {
        return Mono.fromSupplier(() -> {
            if (!properties.enabled()) {
                return null;
            }
            RateLimitProperties.Limit config = properties.limits().get(limit);
            if (config == null) {
                return null;
            }
            ConsumptionProbe probe = bucket(limit, config, key).tryConsumeAndReturnRemaining(1);
            return new Allowance(
                    limit,
                    config.capacity(),
                    config.period(),
                    probe.getRemainingTokens(),
                    Duration.ofNanos(probe.getNanosToWaitForReset()),
                    probe.isConsumed(),
                    probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
        });
    }

    private Bucket bucket(String limit, RateLimitProperties.Limit config, String... key) {
        return buckets.computeIfAbsent(
                limit + '\u0000' + fingerprint(key),
                k -> Bucket.builder()
                        .addLimit(l -> l.capacity(config.capacity()).refillGreedy(config.capacity(), config.period()))
                        .build());
    }

    /** The keys held (limit name and keyed hash): what a heap dump would show; for tests. */
    Set<String> keys() {
        return Set.copyOf(buckets.keySet());
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
