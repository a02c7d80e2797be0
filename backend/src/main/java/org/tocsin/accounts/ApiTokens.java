package org.tocsin.accounts;

import java.time.Instant;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.internal.AccountStore;
import org.tocsin.accounts.internal.ApiTokenDocument;
import org.tocsin.kernel.Refusal;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person's API tokens: bearer credentials for scripts. The secret is shown once and stored as a SHA-256;
 * {@link AccountSecurity} checks it on each request.
 */
@Service
class ApiTokens implements HeldCredentials {

    static final int MAX_TOKENS_PER_USER = 50;

    private final AccountStore store;
    private final AccountService accounts;

    ApiTokens(AccountStore store, AccountService accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /** A new token and its secret, the only time the secret is known outside a hash. */
    record Issued(ApiTokenDocument token, String secret) {}

    Mono<Issued> create(String userId, String name) {
        String secret = SecretTokens.generate("tcs_");
        Instant now = accounts.now();
        return store.tokensOf(userId)
                .count()
                .flatMap(count -> count >= MAX_TOKENS_PER_USER
                        ? Mono.error(Refusal.of(
                                Refusal.Reason.CONFLICT,
                                "You have " + MAX_TOKENS_PER_USER + " tokens already; revoke one first"))
                        : store.insertToken(new ApiTokenDocument(
                                Ids.newId(), userId, name.strip(), SecretTokens.hash(secret), now, null)))
                .map(t -> new Issued(t, secret));
    }

    Flux<ApiTokenDocument> of(String userId) {
        return store.tokensOf(userId);
    }

    /** Revokes one of the user's own tokens; someone else's id answers the same 404 as an unknown one. */
    Mono<Void> revoke(String userId, String id) {
        return store.deleteToken(userId, id)
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(Refusal.notFound("Token")));
    }

    @Override
    public String kind() {
        return "apiTokens";
    }

    /** Every token of the user (a password change); answers how many there were. */
    @Override
    public Mono<Long> revokeAll(String userId) {
        return store.deleteTokensOf(userId);
    }
}
