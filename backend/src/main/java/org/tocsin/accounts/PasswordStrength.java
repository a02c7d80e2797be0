package org.tocsin.accounts;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Refuses passwords that are easy to guess: common and leaked ones, keyboard walks, dates, and the
 * person's own name or email, as estimated by zxcvbn. Offline on purpose: a breached-password service
 * would learn something about the passwords of people at risk, and may not be reachable from here.
 */
@Component
class PasswordStrength {

    /** zxcvbn's "safely unguessable" (about 10^10 guesses): survives an offline attack on a slow hash. */
    static final int MIN_SCORE = 3;

    /** Loads its dictionaries once, at start-up, off the event loop. */
    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** Completes empty when strong enough; fails with a 400 problem on {@code field} otherwise. */
    Mono<Void> check(String field, String password, List<String> personal) {
        return Mono.fromCallable(() -> zxcvbn.measure(password, personal))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(strength -> strength.getScore() >= MIN_SCORE
                        ? Mono.<Void>empty()
                        : Mono.error(Refusal.invalid(field, message(strength))));
    }

    private static String message(Strength strength) {
        String warning = strength.getFeedback().getWarning();
        return "is too easy to guess" + (warning == null || warning.isBlank() ? "" : ": " + warning)
                + " Use a few unrelated words.";
    }
}
