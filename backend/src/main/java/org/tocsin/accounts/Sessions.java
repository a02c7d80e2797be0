package org.tocsin.accounts;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.internal.AccountStore;
import org.tocsin.accounts.internal.SessionDocument;
import reactor.core.publisher.Mono;

/**
 * Browser sessions: an opaque random cookie ({@code __Host-}, Secure, HttpOnly, SameSite=Lax) whose
 * hash names a session document in MongoDB. Nothing is held in memory, so a user is never pinned
 * to one replica. Sessions slide: each use extends them by the idle timeout (written at most once
 * an hour); the embedded database has no TTL indexes, so expired ones are swept on a schedule.
 */
@Component
class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final Duration TOUCH_INTERVAL = Duration.ofHours(1);

    private final AccountStore store;
    private final AccountService accounts;
    private final Duration idleTimeout;
    private final String cookieName;
    private final boolean secure;

    Sessions(AccountStore store, AccountService accounts, AccountProperties properties) {
        this.store = store;
        this.accounts = accounts;
        this.idleTimeout = properties.sessionIdleTimeout();
        this.cookieName = properties.sessionCookieName();
        this.secure = properties.secureCookies();
    }

    /** Starts a fresh session (a new id at every sign-in, so a planted cookie is useless) and sets its cookie. */
    Mono<Void> start(ServerWebExchange exchange, CurrentUser user) {
        String token = SecretTokens.generate("");
        Instant now = accounts.now();
        return store.insertSession(
                        new SessionDocument(SecretTokens.hash(token), user.id(), now, now, now.plus(idleTimeout)))
                .doOnSuccess(s -> exchange.getResponse().addCookie(cookie(token, idleTimeout)))
                .then();
    }

    /** The user of the request's session cookie, if it names a live session. */
    Mono<CurrentUser> resolve(ServerHttpRequest request) {
        String token = cookieValue(request);
        if (token == null) {
            return Mono.empty();
        }
        Instant now = accounts.now();
        return store.liveSession(SecretTokens.hash(token), now)
                .flatMap(session -> touchIfStale(session, now).then(accounts.findById(session.userId())));
    }

    Mono<Void> end(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie("", Duration.ZERO));
        String token = cookieValue(exchange.getRequest());
        return token == null ? Mono.empty() : store.deleteSession(SecretTokens.hash(token));
    }

    /** After a password change: every other session of the user ends. */
    /** Ends every session of the user but this request's own; answers how many ended. */
    Mono<Long> endOthers(ServerWebExchange exchange, String userId) {
        String token = cookieValue(exchange.getRequest());
        return store.deleteSessionsOf(userId, token == null ? null : SecretTokens.hash(token));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void sweepExpired() {
        store.deleteExpiredSessions(accounts.now())
                .subscribe(null, e -> log.warn("Expired sessions not swept: {}", e.toString()));
    }

    private Mono<Void> touchIfStale(SessionDocument session, Instant now) {
        if (session.lastSeenAt().plus(TOUCH_INTERVAL).isAfter(now)) {
            return Mono.empty();
        }
        return store.touchSession(session.id(), now, now.plus(idleTimeout));
    }

    private String cookieValue(ServerHttpRequest request) {
        var cookie = request.getCookies().getFirst(cookieName);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(cookieName, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
    }
}
