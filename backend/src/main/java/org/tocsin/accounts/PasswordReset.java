package org.tocsin.accounts;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.internal.AccountLinkDocument;
import org.tocsin.accounts.internal.AccountLinkStore;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.kernel.Refusal;
import org.tocsin.mail.MailMessage;
import org.tocsin.mail.Mailer;
import reactor.core.publisher.Mono;

/**
 * Password reset by mail. Asking answers the same whether the address has an account or not, and no
 * sooner than {@link #ANSWER_AFTER}, so neither the answer nor its timing tells; only the mailbox's owner
 * learns. The link carries a random token in its fragment (never sent to a server by browsers, so it is
 * in no access log or Referer); only its hash is stored; it is good once, for {@link #LIFETIME}. Using it
 * ends every session and revokes every credential of the account, as a password change does; a second
 * factor, if on, is still asked at the next sign-in.
 */
@Service
class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    static final Duration LIFETIME = Duration.ofMinutes(30);
    /** Longer than the work for an existing address takes, so both answers come at the same time. */
    static final Duration ANSWER_AFTER = Duration.ofMillis(400);

    private final AccountService accounts;
    private final AccountLinkStore links;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final Sessions sessions;
    private final CredentialRevocation revocation;

    PasswordReset(
            AccountService accounts,
            AccountLinkStore links,
            Mailer mailer,
            PublicUrl publicUrl,
            Sessions sessions,
            CredentialRevocation revocation) {
        this.accounts = accounts;
        this.links = links;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.sessions = sessions;
        this.revocation = revocation;
    }

    /** Mails a reset link if the address has an account; completes alike either way. */
    Mono<Void> request(String email) {
        Mono<Void> work = accounts.findByEmail(email).flatMap(this::mailLink);
        return Mono.when(work, Mono.delay(ANSWER_AFTER));
    }

    private Mono<Void> mailLink(CurrentUser user) {
        String token = SecretTokens.generate("tpr_");
        return links.insert(new AccountLinkDocument(
                        SecretTokens.hash(token),
                        user.id(),
                        AccountLinkDocument.Purpose.PASSWORD_RESET,
                        accounts.now().plus(LIFETIME)))
                .then(mailer.enqueue(new MailMessage(
                        user.email(),
                        "Tocsin: reset your password",
                        "Someone, probably you, asked to reset the password of your Tocsin account. To choose a new"
                                + " one, open this link within " + LIFETIME.toMinutes() + " minutes:\n\n"
                                + publicUrl.base() + "/reset-password#token=" + token
                                + "\n\nThe link works once. Choosing a new password signs out every device and revokes"
                                + " your API tokens and calendar-feed addresses.\n\nIf you did not ask for this,"
                                + " ignore this mail: your password stays as it is.\n",
                        List.of())));
    }

    /** The embedded database has no TTL indexes: links past their time are swept (they no longer work anyway). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
    void sweepExpiredLinks() {
        links.deleteExpired(accounts.now())
                .subscribe(null, e -> log.warn("Expired account links not swept: {}", e.toString()));
    }

    /** Sets the new password with a live link's token; every failure of the token answers alike. */
    Mono<Void> complete(String token, String newPassword) {
        String id = SecretTokens.hash(token);
        return links.live(id, AccountLinkDocument.Purpose.PASSWORD_RESET, accounts.now())
                .switchIfEmpty(Mono.error(
                        Refusal.invalid("token", "is not a valid reset link, or it was used or has expired")))
                // The password is checked before the link is spent, so a weak one can be corrected; it is
                // stored only by the request that spends the link.
                .flatMap(link -> accounts.hashNewPassword(link.userId(), newPassword)
                        .flatMap(hash -> links.take(id, AccountLinkDocument.Purpose.PASSWORD_RESET, accounts.now())
                                .switchIfEmpty(Mono.error(Refusal.invalid("token", "was used meanwhile")))
                                .flatMap(taken -> accounts.setPasswordHash(link.userId(), hash)))
                        .then(links.deleteOf(link.userId(), AccountLinkDocument.Purpose.PASSWORD_RESET))
                        .then(sessions.endAllOf(link.userId()))
                        .then(revocation.revokeAll(link.userId())))
                .then();
    }
}
