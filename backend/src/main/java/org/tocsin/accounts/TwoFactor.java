package org.tocsin.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.internal.PasskeyStore;
import org.tocsin.accounts.internal.SignInChallengeDocument;
import org.tocsin.accounts.internal.TwoFactorDocument;
import org.tocsin.accounts.internal.TwoFactorStore;
import org.tocsin.kernel.Refusal;
import org.tocsin.storage.Randomness;
import reactor.core.publisher.Mono;

/**
 * Two-factor sign-in with an authenticator app (TOTP, {@link Totp}) and ten one-time recovery codes.
 * Enrolment shows the secret once (text and QR code) and takes effect only when a code from the app
 * confirms it. A code is accepted once: the time step of the last accepted code is kept, and a code of
 * that step or an earlier one is refused. Recovery codes are stored as hashes and spent atomically.
 * Turning it on or off, and every use of a recovery code, is announced by mail to the account's address,
 * so a thief who got that far cannot do it unseen.
 */
@Service
public class TwoFactor {

    static final int RECOVERY_CODES = 10;
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    /** Codes one half-done sign-in may try; then the password is needed again. */
    static final int CHALLENGE_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(TwoFactor.class);
    /** No 0/o, 1/l/i: recovery codes are read off paper. */
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final TwoFactorStore store;
    private final PasskeyStore passkeys;
    private final AccountService accounts;
    private final AccountMails mails;

    TwoFactor(TwoFactorStore store, PasskeyStore passkeys, AccountService accounts, AccountMails mails) {
        this.store = store;
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.mails = mails;
    }

    /**
     * Whether the person signs in with a second factor, an authenticator app or a passkey ({@link Passkeys});
     * what organizations requiring it check.
     */
    public Mono<Boolean> enabled(String userId) {
        return appEnabled(userId).flatMap(app -> app ? Mono.just(true) : passkeys.any(userId));
    }

    /** Whether the person has an authenticator app, whose codes (or recovery codes) can be typed in. */
    Mono<Boolean> appEnabled(String userId) {
        return store.of(userId).map(TwoFactorDocument::enabled).defaultIfEmpty(false);
    }

    /** What can finish a sign-in: {@code code} (the app or a recovery code), {@code passkey}, or both. */
    Mono<List<String>> methods(String userId) {
        return Mono.zip(appEnabled(userId), passkeys.any(userId)).map(t -> {
            List<String> methods = new ArrayList<>(2);
            if (t.getT1()) {
                methods.add("code");
            }
            if (t.getT2()) {
                methods.add("passkey");
            }
            return List.copyOf(methods);
        });
    }

    record Status(boolean enabled, Instant enabledAt, int recoveryCodesLeft) {}

    record Enrolment(String secret, String otpauthUri, String qrCodeSvg) {}

    Mono<Status> status(String userId) {
        return store.of(userId)
                .filter(TwoFactorDocument::enabled)
                .map(d -> new Status(
                        true,
                        d.enabledAt(),
                        d.recoveryCodes() == null ? 0 : d.recoveryCodes().size()))
                .defaultIfEmpty(new Status(false, null, 0));
    }

    /** A new secret to put in the app, shown this once; refused while two-factor sign-in is on. */
    Mono<Enrolment> begin(CurrentUser user) {
        return appEnabled(user.id()).flatMap(on -> {
            if (on) {
                return Mono.error(Refusal.of(
                        Refusal.Reason.CONFLICT,
                        "Two-factor sign-in is on already; turn it off first to change the app"));
            }
            String secret = Totp.base32(Randomness.bytes(20));
            String label = URLEncoder.encode("Tocsin:" + user.email(), StandardCharsets.UTF_8)
                    .replace("+", "%20");
            String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Tocsin&algorithm=SHA1&digits="
                    + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
            return store.setPending(user.id(), secret).thenReturn(new Enrolment(secret, uri, QrCodes.svg(uri)));
        });
    }

    /** Confirms enrolment with a code from the app; answers the recovery codes, shown this once. */
    Mono<List<String>> confirm(CurrentUser user, String code) {
        String given = normaliseCode(code);
        return store.of(user.id())
                .filter(d -> !d.enabled() && d.pendingSecret() != null)
                .switchIfEmpty(Mono.error(Refusal.of(
                        Refusal.Reason.CONFLICT, "Nothing to confirm: start enrolment first (or it is on already)")))
                .flatMap(d -> {
                    Optional<Long> step = matchingStep(d.pendingSecret(), given, 0);
                    if (step.isEmpty()) {
                        return Mono.error(badCode("code", "is not the app's current code"));
                    }
                    List<String> codes = newRecoveryCodes();
                    return store.enable(user.id(), d.pendingSecret(), step.get(), hashes(codes), accounts.now())
                            .flatMap(ok -> ok
                                    ? mails.twoFactorEnabled(user).thenReturn(codes)
                                    : Mono.error(Refusal.of(
                                            Refusal.Reason.CONFLICT, "Enrolment changed meanwhile; start again")));
                });
    }

    /** Turns two-factor sign-in off: needs the password and a code (or a recovery code). */
    Mono<Void> disable(CurrentUser user, String password, String code) {
        return accounts.passwordMatches(user.id(), password)
                .flatMap(ok -> ok
                        ? Mono.<Void>empty()
                        : Mono.error(Refusal.invalid("password", "is not your current password")))
                .then(Mono.defer(() -> verify(user.id(), code)))
                .flatMap(ok -> ok ? store.delete(user.id()) : Mono.error(badCode("code", "is wrong or used already")))
                .flatMap(deleted -> mails.twoFactorDisabled(user));
    }

    /** Ten new recovery codes for a code from the app; the old ones stop working. */
    Mono<List<String>> renewRecoveryCodes(CurrentUser user, String code) {
        return appEnabled(user.id())
                .flatMap(on -> on
                        ? verifyTotp(user.id(), normaliseCode(code))
                        : Mono.error(Refusal.of(Refusal.Reason.CONFLICT, "Two-factor sign-in is off")))
                .flatMap(ok -> {
                    if (!ok) {
                        return Mono.error(badCode("code", "is wrong or used already"));
                    }
                    List<String> codes = newRecoveryCodes();
                    return store.replaceRecoveryCodes(user.id(), hashes(codes)).thenReturn(codes);
                });
    }

    /**
     * True when {@code code} is a current app code not used before, or an unspent recovery code (then
     * spent, and announced by mail). Any other input is simply false.
     */
    Mono<Boolean> verify(String userId, String code) {
        if (code == null) {
            return Mono.just(false);
        }
        String given = normaliseCode(code);
        if (given.length() == Totp.DIGITS && given.chars().allMatch(Character::isDigit)) {
            return verifyTotp(userId, given);
        }
        String recovery = normaliseRecoveryCode(code);
        if (recovery.length() != 10) {
            return Mono.just(false);
        }
        return store.useRecoveryCode(userId, SecretTokens.hash(recovery))
                .flatMap(used -> used
                        ? store.of(userId)
                                .flatMap(d -> accounts.findById(userId)
                                        .flatMap(u -> mails.recoveryCodeUsed(
                                                u,
                                                d.recoveryCodes() == null
                                                        ? 0
                                                        : d.recoveryCodes().size())))
                                .thenReturn(true)
                        : Mono.just(false));
    }

    private Mono<Boolean> verifyTotp(String userId, String given) {
        return store.of(userId)
                .filter(TwoFactorDocument::enabled)
                .flatMap(d -> matchingStep(d.secret(), given, d.lastUsedStep())
                        .map(step -> store.useStep(userId, step))
                        .orElse(Mono.just(false)))
                .defaultIfEmpty(false);
    }

    /** The step within the window whose code is {@code given}, later than {@code after}; every step is compared. */
    private Optional<Long> matchingStep(String secret, String given, long after) {
        byte[] key = Totp.fromBase32(secret);
        long now = Totp.step(accounts.now());
        Optional<Long> found = Optional.empty();
        for (long step = now - Totp.WINDOW; step <= now + Totp.WINDOW; step++) {
            if (Totp.same(Totp.code(key, step), given) && step > after && found.isEmpty()) {
                found = Optional.of(step);
            }
        }
        return found;
    }

    /** Starts the second half of a sign-in; answers the challenge the client sends back with the code. */
    Mono<String> challenge(String userId) {
        String token = SecretTokens.generate("");
        return store.insertChallenge(new SignInChallengeDocument(
                        SecretTokens.hash(token), userId, accounts.now().plus(CHALLENGE_LIFETIME), 0, null))
                .thenReturn(token);
    }

    /** The user a live challenge is for, counting one attempt; empty when unknown, expired or used up. */
    Mono<String> challengedUser(String challenge) {
        String id = SecretTokens.hash(challenge);
        return store.attemptChallenge(id, accounts.now())
                .flatMap(c -> c.attempts() > CHALLENGE_ATTEMPTS
                        ? store.deleteChallenge(id).then(Mono.empty())
                        : Mono.just(c.userId()));
    }

    Mono<Void> endChallenge(String challenge) {
        return store.deleteChallenge(SecretTokens.hash(challenge));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    void sweepExpiredChallenges() {
        store.deleteExpiredChallenges(accounts.now())
                .subscribe(null, e -> log.warn("Expired sign-in challenges not swept: {}", e.toString()));
    }

    static Refusal badCode(String field, String message) {
        return Refusal.of(Refusal.Reason.WRONG_CODE, field + ": " + message);
    }

    private static String normaliseCode(String code) {
        return code == null ? "" : code.replaceAll("\\s", "");
    }

    private static String normaliseRecoveryCode(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            while (code.length() < 10) {
                int b = Randomness.bytes(1)[0] & 0xff;
                // Rejection sampling: 248 is the largest multiple of 31 below 256, so no letter is likelier.
                if (b < 248) {
                    code.append(RECOVERY_ALPHABET.charAt(b % RECOVERY_ALPHABET.length()));
                }
            }
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    private static List<String> hashes(List<String> codes) {
        return codes.stream()
                .map(c -> SecretTokens.hash(normaliseRecoveryCode(c)))
                .toList();
    }
}
