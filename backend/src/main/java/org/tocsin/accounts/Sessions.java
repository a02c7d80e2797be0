package org.tocsin.accounts;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.internal.AccountStore;
import org.tocsin.accounts.internal.SessionDocument;
import org.tocsin.accounts.internal.SuspensionStore;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Flux;
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
    private final SuspensionStore suspensions;
    private final Duration idleTimeout;
    private final String cookieName;
    private final boolean secure;

    Sessions(AccountStore store, AccountService accounts, SuspensionStore suspensions, AccountProperties properties) {
        this.store = store;
        this.accounts = accounts;
        this.suspensions = suspensions;
        this.idleTimeout = properties.sessionIdleTimeout();
        this.cookieName = properties.sessionCookieName();
        this.secure = properties.secureCookies();
    }

    /**
     * Starts a fresh session (a new id at every sign-in, so a planted cookie is useless) and sets its cookie.
     * Every way of signing in ends here, so a suspended account ({@link Suspensions}) is refused here, once.
     */
    Mono<Void> start(ServerWebExchange exchange, CurrentUser user) {
        String token = SecretTokens.generate("");
        Instant now = accounts.now();
        return suspensions
                .exists(user.id())
                .flatMap(suspended -> suspended
                        ? Mono.error(Refusal.forbidden("This account is suspended by the platform's moderators"))
                        : Mono.<Void>empty())
                .then(Mono.defer(() -> store.insertSession(new SessionDocument(
                                SecretTokens.hash(token),
                                user.id(),
                                now,
                                now,
                                now.plus(idleTimeout),
                                Devices.describe(
                                        exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT))))
                        .doOnSuccess(s -> exchange.getResponse().addCookie(cookie(token, idleTimeout)))))
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

    /** Ends every session of the user but this request's own; answers how many ended. */
    Mono<Long> endOthers(ServerWebExchange exchange, String userId) {
        String token = cookieValue(exchange.getRequest());
        return store.deleteSessionsOf(userId, token == null ? null : SecretTokens.hash(token));
    }

    /**
     * A session as its owner sees it. {@code id} is a hash of the stored id (itself a hash of the cookie):
     * it names the session for revoking and is no use for anything else.
     */
    record SessionInfo(String id, String device, Instant createdAt, Instant lastUsedAt, boolean current) {}

    static final int MAX_LISTED = 100;

    /** The user's live sessions, most recently used first (at most {@value #MAX_LISTED}). */
    Flux<SessionInfo> of(ServerWebExchange exchange, String userId) {
        String token = cookieValue(exchange.getRequest());
        String current = token == null ? null : SecretTokens.hash(token);
        return store.sessionsOf(userId, accounts.now(), MAX_LISTED)
                .map(s -> new SessionInfo(
                        handle(s.id()),
                        s.device() == null ? "Unknown device" : s.device(),
                        s.createdAt(),
                        s.lastSeenAt(),
                        s.id().equals(current)));
    }

    /** Ends one of the user's sessions by its listed id; someone else's or an unknown one answers 404. */
    Mono<Void> revoke(String userId, String handle) {
        return store.sessionsOf(userId, accounts.now(), 10_000)
                .filter(s -> handle(s.id()).equals(handle))
                .next()
                .flatMap(s -> store.deleteSessionOf(userId, s.id()))
                .filter(deleted -> deleted)
                .switchIfEmpty(Mono.error(Refusal.notFound("Session")))
                .then();
    }

    /** Ends every session of the user, this one included (its cookie is cleared); answers how many ended. */
    Mono<Long> endAll(ServerWebExchange exchange, String userId) {
        exchange.getResponse().addCookie(cookie("", Duration.ZERO));
        return store.deleteSessionsOf(userId, null);
    }

    /** Ends every session of the user, wherever (a password reset). */
    Mono<Long> endAllOf(String userId) {
        return store.deleteSessionsOf(userId, null);
    }

    private static String handle(String sessionId) {
        return SecretTokens.hash("session-handle:" + sessionId).substring(0, 32);
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
