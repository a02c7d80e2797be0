package org.tocsin.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
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
import org.tocsin.kernel.Refusal;
import org.tocsin.ratelimits.RateLimiter;
import org.tocsin.text.Verbatim;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person's own passkeys ({@link Passkeys}): {@code GET} lists them, {@code POST /options} (with the
 * password) asks for the browser's options, {@code POST} with its answer and a name adds one, {@code DELETE
 * /{id}} (with the password, and the app's code or a passkey's answer, {@link Reconfirmation}) removes one. Every password or answer
 * counts against the same limit as second-factor codes.
 */
@RestController
@RequestMapping("/api/v1/me/passkeys")
class PasskeyController {

    private final Passkeys passkeys;
    private final AccountService accounts;
    private final Reconfirmation reconfirmation;
    private final RateLimiter rateLimiter;

    PasskeyController(
            Passkeys passkeys, AccountService accounts, Reconfirmation reconfirmation, RateLimiter rateLimiter) {
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.reconfirmation = reconfirmation;
        this.rateLimiter = rateLimiter;
    }

    record OptionsRequest(
            @NotNull @Size(max = 1024) @Verbatim String password) {}

    /** {@code credential}: what {@code navigator.credentials.create} answered, its fields base64url. */
    record NewPasskey(
            @NotBlank @Size(max = Passkeys.MAX_NAME) String name,
            @NotNull @Valid PasskeyCredential credential) {}

    record RemoveRequest(
            @NotNull @Size(max = 1024) @Verbatim String password,
            @Size(max = 40) String code,
            @Valid PasskeyCredential passkey) {}

    @GetMapping
    Flux<Passkeys.Info> list(@AuthenticationPrincipal CurrentUser user) {
        return passkeys.list(user.id());
    }

    @PostMapping("/options")
    Mono<Map<String, Object>> options(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody OptionsRequest request) {
        return limited(user)
                .then(accounts.passwordMatches(user.id(), request.password()))
                .flatMap(ok -> ok
                        ? passkeys.registrationOptions(user)
                        : Mono.error(Refusal.invalid("password", "is not your current password")));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Passkeys.Info> add(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewPasskey request) {
        return Mono.fromRunnable(() -> Passkeys.checkWellFormed(request.credential(), true))
                .then(limited(user))
                .then(Mono.defer(() -> passkeys.register(user, request.name(), request.credential())));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @Valid @RequestBody RemoveRequest request) {
        return limited(user)
                .then(reconfirmation.confirm(user, request.password(), request.code(), request.passkey()))
                .then(Mono.defer(() -> passkeys.remove(user, id)));
    }

    private Mono<Void> limited(CurrentUser user) {
        return rateLimiter.consume("second-factor-per-account", user.id());
    }
}
