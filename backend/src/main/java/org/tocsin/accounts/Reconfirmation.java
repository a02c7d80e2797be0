package org.tocsin.accounts;

import org.springframework.stereotype.Component;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/**
 * The person confirms, again, that they are who the session says before something that cannot be undone
 * (deleting their account, deleting an organization): their password, and a second-factor code if they
 * sign in with an authenticator app. A stolen session cookie alone deletes nothing. (A passkey-only account
 * reconfirms with its password alone: a passkey cannot be asked for inside these JSON requests yet.) Callers spend a password try from the
 * sign-in rate limit first.
 */
@Component
public class Reconfirmation {

    private final AccountService accounts;
    private final TwoFactor twoFactor;

    Reconfirmation(AccountService accounts, TwoFactor twoFactor) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
    }

    /** Whether a second-factor code is asked along with the password. */
    public Mono<Boolean> secondFactorRequired(String userId) {
        return twoFactor.appEnabled(userId);
    }

    /** Completes when both are right; otherwise fails with the field at fault. */
    public Mono<Void> confirm(CurrentUser user, String password, String code) {
        return accounts.passwordMatches(user.id(), password)
                .flatMap(ok -> ok
                        ? Mono.<Void>empty()
                        : Mono.error(Refusal.invalid("password", "is not your current password")))
                .then(twoFactor.appEnabled(user.id()))
                .flatMap(on -> !on
                        ? Mono.<Void>empty()
                        : code == null || code.isBlank()
                                ? Mono.error(Refusal.invalid("code", "is needed: your account has two-factor sign-in"))
                                : twoFactor
                                        .verify(user.id(), code)
                                        .flatMap(right -> right
                                                ? Mono.<Void>empty()
                                                : Mono.error(TwoFactor.badCode("code", "is wrong or used already"))));
    }
}
