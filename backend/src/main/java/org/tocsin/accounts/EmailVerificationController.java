package org.tocsin.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/auth/email-verification} asks for a new link (202, the same answer for any
 * address); {@code POST /api/v1/auth/email-verification/confirm} verifies with the link's token. Both are
 * anonymous (the link may be opened in another browser) and limited per client address; asking is
 * limited per target address too, so nobody can flood someone's mailbox.
 */
@RestController
@RequestMapping("/api/v1/auth/email-verification")
class EmailVerificationController {

    private final EmailVerification verification;
    private final RateLimiter rateLimiter;

    EmailVerificationController(EmailVerification verification, RateLimiter rateLimiter) {
        this.verification = verification;
        this.rateLimiter = rateLimiter;
    }

    record VerificationRequest(@NotBlank @Size(max = 254) String email) {}

    record VerificationRequested(String message) {}

    record VerificationConfirmation(
            @NotBlank @Size(max = 100) String token) {}

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<VerificationRequested> request(@Valid @RequestBody VerificationRequest request, ServerWebExchange exchange) {
        if (!Emails.looksValid(request.email())) {
            return Mono.error(Refusal.invalid("email", "is not an email address"));
        }
        return rateLimiter
                .consume("email-verification-per-address", ClientAddress.of(exchange))
                .then(rateLimiter.consume("email-verification-per-email", Emails.normalise(request.email())))
                .then(verification.request(request.email()))
                .thenReturn(new VerificationRequested(
                        "If this address has an account still to be confirmed, a new link is on its way to it."));
    }

    @PostMapping("/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> confirm(@Valid @RequestBody VerificationConfirmation request, ServerWebExchange exchange) {
        return rateLimiter
                .consume("email-verification-per-address", ClientAddress.of(exchange))
                .then(verification.confirm(request.token()));
    }
}
