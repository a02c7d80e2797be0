package org.tocsin.accounts;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Revokes every credential made with an account: its API tokens and what other features hold for it
 * ({@link HeldCredentials}: feed URLs). What a password change, a reset and "sign out everywhere" share.
 */
@Component
class CredentialRevocation {

    private final ApiTokens apiTokens;
    private final ObjectProvider<HeldCredentials> heldElsewhere;

    CredentialRevocation(ApiTokens apiTokens, ObjectProvider<HeldCredentials> heldElsewhere) {
        this.apiTokens = apiTokens;
        this.heldElsewhere = heldElsewhere;
    }

    /** How many of each kind were revoked ({@code apiTokens}, {@code calendarFeed}, ...). */
    Mono<Map<String, Long>> revokeAll(String userId) {
        return Flux.concat(
                        apiTokens.revokeAll(userId).map(n -> Map.entry("apiTokens", n)),
                        Flux.fromStream(heldElsewhere::orderedStream)
                                .concatMap(held -> held.revokeAll(userId).map(n -> Map.entry(held.kind(), n))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
    }
}
