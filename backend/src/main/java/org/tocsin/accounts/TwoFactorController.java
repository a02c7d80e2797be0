package org.tocsin.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.ratelimits.RateLimiter;
import org.tocsin.text.Verbatim;
import reactor.core.publisher.Mono;

/**
 * A person's own second factor: {@code GET} its state, {@code POST /setup} for a secret and QR code,
 * {@code POST /confirm} with the app's code to turn it on (answers the recovery codes),
 * {@code POST /disable} with the password and a code, {@code POST /recovery-codes} for new ones.
 * Every code entered counts against the same limit as codes at sign-in.
 */
@RestController
@RequestMapping("/api/v1/me/two-factor")
class TwoFactorController {

    private final TwoFactor twoFactor;
    private final RateLimiter rateLimiter;

    TwoFactorController(TwoFactor twoFactor, RateLimiter rateLimiter) {
        this.twoFactor = twoFactor;
        this.rateLimiter = rateLimiter;
    }

    record CodeRequest(@NotNull @Size(max = 40) String code) {}

    record DisableRequest(
            @NotNull @Size(max = 1024) @Verbatim String password,
            @NotNull @Size(max = 40) String code) {}

    /** Shown once: write them down; each works once in place of a code. */
    record RecoveryCodes(List<String> recoveryCodes) {}

    @GetMapping
    Mono<TwoFactor.Status> status(@AuthenticationPrincipal CurrentUser user) {
        return twoFactor.status(user.id());
    }

    @PostMapping("/setup")
    Mono<TwoFactor.Enrolment> setup(@AuthenticationPrincipal CurrentUser user) {
        return twoFactor.begin(user);
    }

    @PostMapping("/confirm")
    Mono<RecoveryCodes> confirm(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CodeRequest request) {
        return limited(user).then(twoFactor.confirm(user, request.code())).map(RecoveryCodes::new);
    }

    @PostMapping("/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> disable(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody DisableRequest request) {
        return limited(user).then(twoFactor.disable(user, request.password(), request.code()));
    }

    @PostMapping("/recovery-codes")
    Mono<RecoveryCodes> renew(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CodeRequest request) {
        return limited(user)
                .then(twoFactor.renewRecoveryCodes(user, request.code()))
                .map(RecoveryCodes::new);
    }

    private Mono<Void> limited(CurrentUser user) {
        return rateLimiter.consume("second-factor-per-account", user.id());
    }
}
