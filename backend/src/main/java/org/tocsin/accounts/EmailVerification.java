package org.tocsin.accounts;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.internal.AccountLinkDocument;
import org.tocsin.accounts.internal.AccountLinkStore;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.kernel.Refusal;
import org.tocsin.mail.MailMessage;
import org.tocsin.mail.Mailer;
import reactor.core.publisher.Mono;

/**
 * Verification of a new account's address, by a mailed link like {@link PasswordReset}'s: a random token
 * in the fragment (in no log), only its hash stored, good once, for {@link #LIFETIME}. Until it is opened
 * the account cannot create an organization or hold ORGANIZER or a higher role
 * ({@link AccountService#requireVerifiedEmail}): someone who signed up with another person's address must
 * not be trusted with the names of people coming to an action. Asking for a new link answers alike, and
 * no sooner than {@link PasswordReset#ANSWER_AFTER}, whether the address has an account, an unverified one
 * or a verified one; only the mailbox's owner learns which.
 */
@Service
class EmailVerification {

    static final Duration LIFETIME = Duration.ofMinutes(60);

    private final AccountService accounts;
    private final AccountLinkStore links;
    private final Mailer mailer;
    private final PublicUrl publicUrl;

    EmailVerification(AccountService accounts, AccountLinkStore links, Mailer mailer, PublicUrl publicUrl) {
        this.accounts = accounts;
        this.links = links;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    /** Mails a new link to a newly registered account. */
    Mono<Void> welcome(CurrentUser user) {
        return mailLink(user);
    }

    /** Mails a new link if the address has an unverified account; completes alike in every case. */
    Mono<Void> request(String email) {
        Mono<Void> work = accounts.findByEmail(email)
                .filterWhen(user -> accounts.addressVerified(user.id()).map(verified -> !verified))
                .flatMap(this::mailLink);
        return Mono.when(work, Mono.delay(PasswordReset.ANSWER_AFTER));
    }

    private Mono<Void> mailLink(CurrentUser user) {
        String token = SecretTokens.generate("tev_");
        return links.insert(new AccountLinkDocument(
                        SecretTokens.hash(token),
                        user.id(),
                        AccountLinkDocument.Purpose.EMAIL_VERIFICATION,
                        accounts.now().plus(LIFETIME)))
                .then(mailer.enqueue(new MailMessage(
                        user.email(),
                        "Tocsin: confirm your email address",
                        "Someone, probably you, made a Tocsin account with this address. To confirm that it is"
                                + " yours, open this link within " + LIFETIME.toMinutes() + " minutes:\n\n"
                                + publicUrl.base() + "/verify-email#token=" + token
                                + "\n\nThe link works once. Until the address is confirmed, the account cannot"
                                + " organize events or manage an organization.\n\nIf you did not make this"
                                + " account, ignore this mail: without the link, nobody can confirm it.\n",
                        List.of())));
    }

    /** Verifies the address with a live link's token; every failure of the token answers alike. */
    Mono<Void> confirm(String token) {
        return links.take(SecretTokens.hash(token), AccountLinkDocument.Purpose.EMAIL_VERIFICATION, accounts.now())
                .switchIfEmpty(Mono.error(
                        Refusal.invalid("token", "is not a valid verification link, or it was used or has expired")))
                .flatMap(link -> accounts.markEmailVerified(link.userId())
                        .then(links.deleteOf(link.userId(), AccountLinkDocument.Purpose.EMAIL_VERIFICATION)))
                .then();
    }
}
