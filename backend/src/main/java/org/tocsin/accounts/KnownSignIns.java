package org.tocsin.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.tocsin.ratelimits.RateLimiter;

/**
 * Which (account, client address) pairs have signed in successfully, so that the account-wide limit on
 * sign-in attempts counts only attempts from elsewhere: an attacker guessing from many addresses drains
 * that bucket, and the owner, from an address they signed in from before, is not locked out by it.
 * Held in memory as keyed hashes only, at most {@link #CAPACITY} pairs (a Caffeine cache: the least
 * used go first);
 * per replica and forgotten on restart (then the owner counts as "elsewhere" until they next sign in).
 */
@Component
class KnownSignIns {

    static final int CAPACITY = 100_000;

    private final RateLimiter hashes;
    private final Cache<String, Boolean> known =
            Caffeine.newBuilder().maximumSize(CAPACITY).build();

    KnownSignIns(RateLimiter hashes) {
        this.hashes = hashes;
    }

    boolean knows(String account, String address) {
        String key = hashes.fingerprint("signed-in", account, address);
        return known.getIfPresent(key) != null;
    }

    void remember(String account, String address) {
        String key = hashes.fingerprint("signed-in", account, address);
        known.put(key, Boolean.TRUE);
    }
}
