package org.tocsin.ratelimits;

import java.time.Duration;

/**
 * What one spent request left of a limit, for the {@code RateLimit} and {@code RateLimit-Policy}
 * response headers (IETF draft-ietf-httpapi-ratelimit-headers, structured fields): the policy is
 * {@code quota} requests per {@code window}; {@code remaining} are left, and the bucket is full again
 * in {@code reset}. Not {@code allowed}: the request was refused, to be tried again after {@code retryAfter}.
 */
public record Allowance(
        String policy,
        long quota,
        Duration window,
        long remaining,
        Duration reset,
        boolean allowed,
        Duration retryAfter) {

    /** {@code "sync";q=600;w=600}: the quota and its window in seconds. */
    public String policyHeader() {
        return '"' + policy + "\";q=" + quota + ";w=" + Math.max(1, window.toSeconds());
    }

    /** {@code "sync";r=599;t=1}: what is left and the seconds until the quota is whole again. */
    public String header() {
        return '"' + policy + "\";r=" + remaining + ";t=" + seconds(reset);
    }

    /** Whole seconds, rounded up: a client that waits this long finds the quota whole. */
    private static long seconds(Duration d) {
        return (d.toNanos() + 999_999_999L) / 1_000_000_000L;
    }
}
