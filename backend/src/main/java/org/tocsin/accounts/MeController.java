package org.tocsin.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.internal.ApiTokenDocument;
import org.tocsin.text.Verbatim;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final ApiTokens apiTokens;
    private final PasswordChanges passwordChanges;
    private final ObjectProvider<PersonalCalendarFeeds> feeds;
    private final Sessions sessions;
    private final CredentialRevocation revocation;
    private final AccountService accounts;

    MeController(
            ApiTokens apiTokens,
            PasswordChanges passwordChanges,
            Sessions sessions,
            ObjectProvider<PersonalCalendarFeeds> feeds,
            CredentialRevocation revocation,
            AccountService accounts) {
        this.accounts = accounts;
        this.apiTokens = apiTokens;
        this.passwordChanges = passwordChanges;
        this.feeds = feeds;
        this.sessions = sessions;
        this.revocation = revocation;
    }

    /**
     * {@code calendarFeedUrl}: the private address of the calendar of your RSVPs, null until you ask for one.
     * {@code emailVerified}: whether the address was confirmed by its mailed link; null where not looked up
     * (the sign-in answers; {@code GET /api/v1/me} always says). {@code verificationLinkSent}: whether a
     * mailed link that still works is waiting, for an unconfirmed address; false for accounts made before
     * Tocsin confirmed addresses (nothing was ever mailed to them) and once the last link expired, so the web
     * app asks them to send one rather than to open one.
     */
    record Me(
            String id,
            String email,
            String displayName,
            boolean admin,
            String calendarFeedUrl,
            Boolean emailVerified,
            Boolean verificationLinkSent) {
        static Me of(CurrentUser user) {
            return of(user, null, null, null);
        }

        static Me of(CurrentUser user, String calendarFeedUrl, Boolean emailVerified, Boolean verificationLinkSent) {
            return new Me(
                    user.id(),
                    user.email(),
                    user.displayName(),
                    user.admin(),
                    calendarFeedUrl,
                    emailVerified,
                    verificationLinkSent);
        }
    }

    record NewTokenRequest(@NotBlank @Size(max = 100) String name) {}

    /** The only time the secret is shown. */
    record NewToken(String id, String name, String token, Instant createdAt) {}

    record TokenInfo(String id, String name, Instant createdAt, Instant lastUsedAt) {
        static TokenInfo of(ApiTokenDocument t) {
            return new TokenInfo(t.id(), t.name(), t.createdAt(), t.lastUsedAt());
        }
    }

    record PasswordChange(
            @NotNull @Size(max = 1024) @Verbatim String currentPassword,
            @NotNull @Size(max = 1024) @Verbatim String newPassword) {}

    @GetMapping
    Mono<Me> me(@AuthenticationPrincipal CurrentUser user) {
        PersonalCalendarFeeds personal = feeds.getIfAvailable();
        Mono<String> feedUrl =
                personal == null ? Mono.just("") : personal.feedUrl(user.id()).defaultIfEmpty("");
        return Mono.zip(feedUrl, accounts.addressVerified(user.id()), accounts.verificationLinkSent(user.id()))
                .map(t -> Me.of(user, t.getT1().isEmpty() ? null : t.getT1(), t.getT2(), !t.getT2() && t.getT3()));
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<NewToken> createToken(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewTokenRequest request) {
        return apiTokens
                .create(user.id(), request.name())
                .map(i -> new NewToken(
                        i.token().id(), i.token().name(), i.secret(), i.token().createdAt()));
    }

    @GetMapping("/tokens")
    Flux<TokenInfo> tokens(@AuthenticationPrincipal CurrentUser user) {
        return apiTokens.of(user.id()).map(TokenInfo::of);
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return apiTokens.revoke(user.id(), id);
    }

    /** Ends the account's other sessions and revokes what was made with it ({@link PasswordChanges}). */
    @PostMapping("/password")
    Mono<PasswordChanges.PasswordChanged> changePassword(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody PasswordChange request,
            ServerWebExchange exchange) {
        return passwordChanges.change(user, request.currentPassword(), request.newPassword(), exchange);
    }

    /** The person's signed-in browsers: device family, when started and last used; never an address. */
    @GetMapping("/sessions")
    Flux<Sessions.SessionInfo> sessions(@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
        return sessions.of(exchange, user.id());
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> endSession(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return sessions.revoke(user.id(), id);
    }

    /** What "sign out everywhere" ended: every session (this one too) and, by kind, the credentials revoked. */
    record SignedOutEverywhere(long sessionsEnded, Map<String, Long> revoked) {}

    /**
     * Sign out everywhere: for a lost phone or a seized laptop. Ends every session of the account, this
     * one included, and revokes API tokens and personal and organization feed URLs; the password stays.
     */
    @PostMapping("/sign-out-everywhere")
    Mono<SignedOutEverywhere> signOutEverywhere(@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
        return revocation
                .revokeAll(user.id())
                .flatMap(revoked ->
                        sessions.endAll(exchange, user.id()).map(ended -> new SignedOutEverywhere(ended, revoked)));
    }
}
