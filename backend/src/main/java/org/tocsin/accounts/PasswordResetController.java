package org.tocsin.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.kernel.Refusal;
import org.tocsin.ratelimits.ClientAddress;
import org.tocsin.ratelimits.RateLimiter;
import org.tocsin.text.Verbatim;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/auth/password-reset} asks for a link by mail (202, the same answer for any
 * address); {@code POST /api/v1/auth/password-reset/confirm} sets the new password with the link's token.
 * Both are anonymous and limited per address; asking is limited per target address too, so nobody can
 * flood someone's mailbox.
 */
@RestController
@RequestMapping("/api/v1/auth/password-reset")
class PasswordResetController {

    private final PasswordReset reset;
    private final RateLimiter rateLimiter;

    PasswordResetController(PasswordReset reset, RateLimiter rateLimiter) {
        this.reset = reset;
        this.rateLimiter = rateLimiter;
    }

    record ResetRequest(@NotBlank @Size(max = 254) String email) {}

    record ResetRequested(String message) {}

    record ResetConfirmation(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(max = 1024) @Verbatim String newPassword) {}

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ResetRequested> request(@Valid @RequestBody ResetRequest request, ServerWebExchange exchange) {
        if (!Emails.looksValid(request.email())) {
            return Mono.error(Refusal.invalid("email", "is not an email address"));
        }
        return rateLimiter
                .consume("password-reset-per-address", ClientAddress.of(exchange))
                .then(rateLimiter.consume("password-reset-per-email", Emails.normalise(request.email())))
                .then(reset.request(request.email()))
                .thenReturn(new ResetRequested(
                        "If an account has this address, a link to choose a new password is on its way to it."));
    }

    @PostMapping("/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> confirm(@Valid @RequestBody ResetConfirmation request, ServerWebExchange exchange) {
        return rateLimiter
                .consume("password-reset-per-address", ClientAddress.of(exchange))
                .then(reset.complete(request.token(), request.newPassword()));
    }
}
