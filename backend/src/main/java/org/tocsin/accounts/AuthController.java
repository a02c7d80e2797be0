package org.tocsin.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
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

@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AccountService accounts;
    private final Sessions sessions;
    private final RateLimiter rateLimiter;
    private final KnownSignIns knownSignIns;
    private final TwoFactor twoFactor;
    private final Passkeys passkeys;
    private final EmailVerification verification;

    AuthController(
            AccountService accounts,
            Sessions sessions,
            RateLimiter rateLimiter,
            KnownSignIns knownSignIns,
            TwoFactor twoFactor,
            Passkeys passkeys,
            EmailVerification verification) {
        this.passkeys = passkeys;
        this.verification = verification;
        this.accounts = accounts;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
        this.knownSignIns = knownSignIns;
        this.twoFactor = twoFactor;
    }

    record RegisterRequest(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 1024) @Verbatim String password,

            @NotBlank @Size(max = AccountService.MAX_DISPLAY_NAME)
            String displayName) {}

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 1024) @Verbatim String password) {}

    /**
     * The answer to a right password on an account with two-factor sign-in (202): no session yet; send
     * {@code challenge} back with a code to {@code /login/second-factor}, or with a passkey's answer to
     * {@code /login/passkey}, before {@code expiresAt}. {@code methods}: {@code code} (an authenticator app,
     * or a recovery code), {@code passkey}, or both.
     */
    record SecondFactorNeeded(
            boolean secondFactorRequired, String challenge, Instant expiresAt, java.util.List<String> methods) {}

    record PasskeyOptionsRequest(@NotBlank @Size(max = 100) String challenge) {}

    record PasskeySignIn(
            @NotBlank @Size(max = 100) String challenge,
            @NotNull @Valid PasskeyCredential credential) {}

    record SecondFactorRequest(
            @NotBlank @Size(max = 100) String challenge,
            @NotNull @Size(max = 40) String code) {}

    /** The CSRF token a browser echoes in {@code X-XSRF-TOKEN}; asking for it also sets the {@code XSRF-TOKEN} cookie. */
    @GetMapping("/csrf")
    Mono<Map<String, String>> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null
                ? Mono.error(Refusal.notFound("CSRF token"))
                : token.map(t -> Map.of("headerName", t.getHeaderName(), "token", t.getToken()));
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MeController.Me> register(@Valid @RequestBody RegisterRequest request, ServerWebExchange exchange) {
        if (!Emails.looksValid(request.email())) {
            return Mono.error(Refusal.invalid("email", "is not an email address"));
        }
        return rateLimiter
                .consume("register-per-address", ClientAddress.of(exchange))
                .then(accounts.register(request.email(), request.password(), request.displayName()))
                .flatMap(user -> verification.welcome(user).thenReturn(MeController.Me.of(user, null, false, true)));
    }

    /**
     * Signs in with a new session. A wrong email and a wrong password answer alike (401). Attempts are
     * limited per address (whatever the account), per (account, address), and per account only for
     * addresses that have not signed in to it before: so many addresses guessing at one account slow
     * each other down, never its owner at an address they use. Every limit is a slowdown (buckets refill
     * steadily), and the right password waits like a wrong one, or the limit would tell when a guess was right.
     */
    @PostMapping("/login")
    Mono<ResponseEntity<Object>> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        String account = Emails.normalise(request.email());
        return rateLimiter
                .consume("login-per-address", address)
                .then(rateLimiter.consume("login-per-account-and-address", account, address))
                .then(Mono.defer(() -> knownSignIns.knows(account, address)
                        ? Mono.<Void>empty()
                        : rateLimiter.consume("login-per-account", account)))
                .then(accounts.authenticate(request.email(), request.password()))
                .switchIfEmpty(
                        Mono.error(Refusal.of(Refusal.Reason.BAD_CREDENTIALS, "The email or the password is wrong")))
                .flatMap(user -> twoFactor
                        .enabled(user.id())
                        .flatMap(on -> on
                                ? Mono.zip(twoFactor.challenge(user.id()), twoFactor.methods(user.id()))
                                        .map(t -> ResponseEntity.accepted()
                                                .body(new SecondFactorNeeded(
                                                        true,
                                                        t.getT1(),
                                                        accounts.now().plus(TwoFactor.CHALLENGE_LIFETIME),
                                                        t.getT2())))
                                : signedIn(exchange, user, account, address)));
    }

    /**
     * The second step of a sign-in with two-factor: the challenge from {@code /login} and a code from the
     * app, or a recovery code. Limited per address and per account like passwords; a challenge takes
     * {@value TwoFactor#CHALLENGE_ATTEMPTS} codes and lasts five minutes. Every failure answers alike.
     */
    @PostMapping("/login/second-factor")
    Mono<ResponseEntity<Object>> secondFactor(
            @Valid @RequestBody SecondFactorRequest request, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return rateLimiter
                .consume("second-factor-per-address", address)
                .then(twoFactor.challengedUser(request.challenge()))
                .flatMap(userId -> rateLimiter
                        .consume("second-factor-per-account", userId)
                        .then(twoFactor.verify(userId, request.code()))
                        .filter(ok -> ok)
                        .flatMap(ok ->
                                twoFactor.endChallenge(request.challenge()).then(accounts.findById(userId))))
                .switchIfEmpty(Mono.error(Refusal.of(
                        Refusal.Reason.BAD_SECOND_FACTOR,
                        "The code is wrong or was used already, or the sign-in took too long")))
                .flatMap(user -> signedIn(exchange, user, user.email(), address));
    }

    /**
     * The options for {@code navigator.credentials.get} that finish this sign-in with a passkey: a new
     * challenge, kept on the sign-in's, and the account's passkeys. Counts as one of the sign-in's attempts
     * and is limited like codes; a made-up or spent challenge answers like a wrong code.
     */
    @PostMapping("/login/passkey/options")
    Mono<Map<String, Object>> passkeyOptions(
            @Valid @RequestBody PasskeyOptionsRequest request, ServerWebExchange exchange) {
        return rateLimiter
                .consume("second-factor-per-address", ClientAddress.of(exchange))
                .then(twoFactor.challengedUser(request.challenge()))
                .flatMap(userId -> passkeys.signInOptions(userId, SecretTokens.hash(request.challenge())))
                .switchIfEmpty(Mono.error(secondFactorFailed()));
    }

    /**
     * The second step of a sign-in with a passkey: the challenge from {@code /login} and what {@code
     * navigator.credentials.get} answered to {@code /login/passkey/options}'s options. Every failure answers
     * alike; a malformed answer is a bad request, refused before any attempt is counted.
     */
    @PostMapping("/login/passkey")
    Mono<ResponseEntity<Object>> passkey(@Valid @RequestBody PasskeySignIn request, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return Mono.fromRunnable(() -> Passkeys.checkWellFormed(request.credential(), false))
                .then(rateLimiter.consume("second-factor-per-address", address))
                .then(Mono.defer(() -> twoFactor.challengedUser(request.challenge())))
                .flatMap(userId -> rateLimiter
                        .consume("second-factor-per-account", userId)
                        .then(passkeys.verifySignIn(
                                userId, SecretTokens.hash(request.challenge()), request.credential()))
                        .filter(ok -> ok)
                        .flatMap(ok ->
                                twoFactor.endChallenge(request.challenge()).then(accounts.findById(userId))))
                .switchIfEmpty(Mono.error(secondFactorFailed()))
                .flatMap(user -> signedIn(exchange, user, user.email(), address));
    }

    private static Refusal secondFactorFailed() {
        return Refusal.of(
                Refusal.Reason.BAD_SECOND_FACTOR,
                "The passkey's answer is not one for this sign-in, or the sign-in took too long");
    }

    private Mono<ResponseEntity<Object>> signedIn(
            ServerWebExchange exchange, CurrentUser user, String account, String address) {
        knownSignIns.remember(account, address);
        return sessions.start(exchange, user).thenReturn(ResponseEntity.ok(MeController.Me.of(user)));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(ServerWebExchange exchange) {
        return sessions.end(exchange);
    }
}
