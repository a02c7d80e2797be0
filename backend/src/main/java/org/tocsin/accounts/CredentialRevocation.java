package org.tocsin.accounts;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Revokes every credential made with an account: every {@link HeldCredentials} (API tokens, personal and
 * organization calendar-feed URLs). What a password change, a reset and "sign out everywhere" share.
 */
@Component
class CredentialRevocation {

    private final ObjectProvider<HeldCredentials> held;

    CredentialRevocation(ObjectProvider<HeldCredentials> held) {
        this.held = held;
    }

    /** How many of each kind were revoked ({@code apiTokens}, {@code calendarFeed}, {@code organizationFeeds}). */
    Mono<Map<String, Long>> revokeAll(String userId) {
        return Flux.fromStream(held::orderedStream)
                .concatMap(credentials -> credentials.revokeAll(userId).map(n -> Map.entry(credentials.kind(), n)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
    }
}
