package org.tocsin.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.ratelimits.ClientAddress;
import org.tocsin.ratelimits.RateLimiter;
import org.tocsin.text.Verbatim;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/me/deletion}: what deleting the account would do, nothing changed.
 * {@code DELETE /api/v1/me} with the password (and {@code code} or {@code passkey}, see {@link Reconfirmation},
 * with two-factor sign-in on) deletes it
 * (204, the session cookie cleared), with the organizations it alone owns that are named in
 * {@code deleteOrganizations}. Password tries are limited like sign-ins.
 */
@RestController
class AccountDeletionController {

    private final AccountDeletion deletion;
    private final Sessions sessions;
    private final RateLimiter rateLimiter;

    AccountDeletionController(AccountDeletion deletion, Sessions sessions, RateLimiter rateLimiter) {
        this.deletion = deletion;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
    }

    /** {@code deleteOrganizations}: slugs of organizations the person alone owns, deleted with the account. */
    record DeletionRequest(
            @NotNull @Size(max = 1024) @Verbatim String password,
            @Size(max = 40) String code,
            @Valid PasskeyCredential passkey,
            @Size(max = 100) List<@NotNull @Size(max = 64) String> deleteOrganizations) {}

    @GetMapping("/api/v1/me/deletion")
    Mono<AccountDeletion.Preview> preview(@AuthenticationPrincipal CurrentUser user) {
        return deletion.preview(user);
    }

    @DeleteMapping("/api/v1/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody DeletionRequest request,
            ServerWebExchange exchange) {
        return rateLimiter
                .consume("login-per-account-and-address", Emails.normalise(user.email()), ClientAddress.of(exchange))
                .then(deletion.delete(
                        user,
                        request.password(),
                        request.code(),
                        request.passkey(),
                        request.deleteOrganizations() == null
                                ? Set.of()
                                : new LinkedHashSet<>(request.deleteOrganizations())))
                .then(sessions.endAll(exchange, user.id()))
                .then();
    }
}
