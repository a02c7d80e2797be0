package org.tocsin.organizations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.accounts.Emails;
import org.tocsin.accounts.PasskeyCredential;
import org.tocsin.ratelimits.ClientAddress;
import org.tocsin.ratelimits.RateLimiter;
import org.tocsin.text.Verbatim;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/organizations/{slug}/deletion}: what deleting the organization would remove, nothing
 * changed. {@code DELETE /api/v1/organizations/{slug}} with the OWNER's password (and {@code code} or
 * {@code passkey}, {@link org.tocsin.accounts.Reconfirmation}, with two-factor sign-in on) deletes it (204). Password tries are limited like sign-ins.
 */
@RestController
class OrganizationDeletionController {

    private final OrganizationDeletion deletion;
    private final RateLimiter rateLimiter;

    OrganizationDeletionController(OrganizationDeletion deletion, RateLimiter rateLimiter) {
        this.deletion = deletion;
        this.rateLimiter = rateLimiter;
    }

    record DeletionRequest(
            @NotNull @Size(max = 1024) @Verbatim String password,
            @Size(max = 40) String code,
            @Valid PasskeyCredential passkey) {}

    @GetMapping("/api/v1/organizations/{slug}/deletion")
    Mono<OrganizationDeletion.Preview> preview(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return deletion.preview(user, slug);
    }

    @DeleteMapping("/api/v1/organizations/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @Valid @RequestBody DeletionRequest request,
            ServerWebExchange exchange) {
        return rateLimiter
                .consume("login-per-account-and-address", Emails.normalise(user.email()), ClientAddress.of(exchange))
                .then(deletion.delete(user, slug, request.password(), request.code(), request.passkey()));
    }
}
