package org.tocsin.accounts;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/**
 * The person confirms, again, that they are who the session says before something that cannot be undone
 * (deleting their account, deleting an organization, removing a passkey): their password and, when the
 * account has a second factor, its answer too: a code from the authenticator app (or a recovery code), or
 * a passkey signing a challenge asked for by {@code POST /api/v1/me/reconfirm/passkey-options}, checked
 * exactly as a sign-in is. So a stolen session cookie, even with the password seen over a shoulder, deletes
 * nothing. Callers spend a try from their rate limit first, whichever answer is given.
 */
@Component
public class Reconfirmation {

    private final AccountService accounts;
    private final TwoFactor twoFactor;
    private final Passkeys passkeys;

    Reconfirmation(AccountService accounts, TwoFactor twoFactor, Passkeys passkeys) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.passkeys = passkeys;
    }

    /** What may answer for the second factor: {@code code}, {@code passkey}, both, or nothing (password alone). */
    public Mono<List<String>> secondFactorMethods(String userId) {
        return twoFactor.methods(userId);
    }

    /**
     * Completes when the password and the second factor's answer ({@code code} or {@code passkey}, when the
     * account has one) are right; otherwise fails with the field at fault.
     */
    public Mono<Void> confirm(CurrentUser user, String password, String code, PasskeyCredential passkey) {
        return accounts.passwordMatches(user.id(), password)
                .flatMap(ok -> ok
                        ? Mono.<Void>empty()
                        : Mono.error(Refusal.invalid("password", "is not your current password")))
                .then(twoFactor.methods(user.id()))
                .flatMap(methods -> secondFactor(user, methods, code, passkey));
    }

    private Mono<Void> secondFactor(CurrentUser user, List<String> methods, String code, PasskeyCredential passkey) {
        if (methods.isEmpty()) {
            return Mono.empty();
        }
        if (passkey != null) {
            if (!methods.contains("passkey")) {
                return Mono.error(Refusal.invalid("passkey", "cannot confirm: your account has no passkey"));
            }
            return Mono.fromRunnable(() -> Passkeys.checkWellFormed(passkey, false))
                    .then(Mono.defer(() -> passkeys.verifyReconfirmation(user.id(), passkey)))
                    .flatMap(right -> right
                            ? Mono.<Void>empty()
                            : Mono.error(TwoFactor.badCode(
                                    "passkey",
                                    "answers no confirmation request of this account, or it took too long")));
        }
        if (code == null || code.isBlank() || !methods.contains("code")) {
            return Mono.error(
                    methods.contains("code")
                            ? Refusal.invalid("code", "is needed: your account has two-factor sign-in")
                            : Refusal.invalid("passkey", "is needed: confirm with one of your account's passkeys"));
        }
        return twoFactor
                .verify(user.id(), code)
                .flatMap(right ->
                        right ? Mono.<Void>empty() : Mono.error(TwoFactor.badCode("code", "is wrong or used already")));
    }
}
