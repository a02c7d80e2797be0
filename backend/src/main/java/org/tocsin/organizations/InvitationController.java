package org.tocsin.organizations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.ratelimits.ClientAddress;
import org.tocsin.ratelimits.RateLimiter;
import reactor.core.publisher.Mono;

@RestController
class InvitationController {

    private final InvitationService invitations;
    private final RateLimiter rateLimiter;

    InvitationController(InvitationService invitations, RateLimiter rateLimiter) {
        this.invitations = invitations;
        this.rateLimiter = rateLimiter;
    }

    record CreateInvitation(
            @NotNull Role role,
            @Min(1) @Max(InvitationService.MAX_DAYS) Integer expiresInDays,
            @Min(1) @Max(InvitationService.MAX_USES) Integer maxUses) {}

    @PostMapping("/api/v1/organizations/{slug}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<InvitationService.NewInvitation> create(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @Valid @RequestBody CreateInvitation body) {
        return invitations.create(user, slug, body.role(), body.expiresInDays(), body.maxUses());
    }

    @GetMapping("/api/v1/organizations/{slug}/invitations")
    Mono<List<InvitationService.OpenInvitation>> list(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return invitations.list(user, slug);
    }

    @DeleteMapping("/api/v1/organizations/{slug}/invitations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug, @PathVariable String id) {
        return invitations.revoke(user, slug, id);
    }

    /** Anyone holding the link may see where it leads; the link is the credential. */
    @GetMapping("/api/v1/invitations/{token}")
    Mono<InvitationService.InvitationPreview> preview(@PathVariable String token, ServerWebExchange exchange) {
        return rateLimiter
                .consume("invitation-per-address", ClientAddress.of(exchange))
                .then(invitations.preview(token));
    }

    @PostMapping("/api/v1/invitations/{token}/accept")
    Mono<InvitationService.InvitationAccepted> accept(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String token, ServerWebExchange exchange) {
        return rateLimiter
                .consume("invitation-accept-per-address", ClientAddress.of(exchange))
                .then(invitations.accept(user, token));
    }
}
