package org.tocsin.accounts;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.internal.AccountStore;
import reactor.core.publisher.Mono;

/**
 * What the security configuration (in {@code web}) needs from accounts: how to recognise a caller
 * from a session cookie, and from an {@code Authorization: Bearer} API token.
 */
@Component
public class AccountSecurity {

    static final String BEARER_PREFIX = "Bearer ";

    private final Sessions sessions;
    private final AccountStore store;
    private final AccountService accounts;

    AccountSecurity(Sessions sessions, AccountStore store, AccountService accounts) {
        this.sessions = sessions;
        this.store = store;
        this.accounts = accounts;
    }

    /** Loads the caller from the session cookie; sessions are saved by the sign-in endpoint, not here. */
    public ServerSecurityContextRepository sessionContextRepository() {
        return new ServerSecurityContextRepository() {
            @Override
            public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
                return Mono.empty();
            }

            @Override
            public Mono<SecurityContext> load(ServerWebExchange exchange) {
                return sessions.resolve(exchange.getRequest())
                        .map(user -> new SecurityContextImpl(new AccountAuthentication(user)));
            }
        };
    }

    public static boolean hasBearerToken(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length());
    }

    public ServerAuthenticationConverter bearerTokenConverter() {
        return exchange -> {
            if (!hasBearerToken(exchange)) {
                return Mono.empty();
            }
            String token = exchange.getRequest()
                    .getHeaders()
                    .getFirst(HttpHeaders.AUTHORIZATION)
                    .substring(BEARER_PREFIX.length())
                    .strip();
            return Mono.just(new BearerToken(token));
        };
    }

    /** A token that is unknown or revoked fails authentication (401), even on public routes. */
    public ReactiveAuthenticationManager bearerTokenAuthenticationManager() {
        return authentication -> {
            String token = ((BearerToken) authentication).token();
            return store.tokenByHash(SecretTokens.hash(token))
                    .flatMap(t -> store.markTokenUsed(t.id(), accounts.now()).then(accounts.findById(t.userId())))
                    .switchIfEmpty(Mono.error(new BadCredentialsException("Unknown or revoked API token")))
                    .map(AccountAuthentication::new);
        };
    }
}
