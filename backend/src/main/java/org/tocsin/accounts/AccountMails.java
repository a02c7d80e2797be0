package org.tocsin.accounts;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.mail.MailMessage;
import org.tocsin.mail.Mailer;
import reactor.core.publisher.Mono;

/**
 * Mails that tell a person something changed in how their account is protected. They go to the
 * account's own address through the durable outbox, and say what to do if it was not them: a thief
 * who has the password should not be able to weaken the account unseen.
 */
@Component
class AccountMails {

    private static final String NOT_YOU = "\n\nIf this was not you, someone else has your password: change it now at "
            + "%s/account, which also signs out every other device, and tell your organization's admins.\n";

    private final Mailer mailer;
    private final PublicUrl publicUrl;

    AccountMails(Mailer mailer, PublicUrl publicUrl) {
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    Mono<Void> twoFactorEnabled(CurrentUser user) {
        return send(
                user,
                "Two-factor sign-in is on",
                "Two-factor sign-in was turned on for your Tocsin account. From now on, signing in needs your"
                        + " password and a code from your authenticator app. Keep your recovery codes somewhere safe.");
    }

    Mono<Void> twoFactorDisabled(CurrentUser user) {
        return send(
                user,
                "Two-factor sign-in is off",
                "Two-factor sign-in was turned off for your Tocsin account. Signing in now needs only your password.");
    }

    Mono<Void> recoveryCodeUsed(CurrentUser user, int left) {
        return send(
                user,
                "A recovery code was used",
                "One of your recovery codes was just used to sign in to your Tocsin account. " + left
                        + " recovery code(s) are left; you can make new ones on your account page.");
    }

    Mono<Void> passkeyAdded(CurrentUser user, String name) {
        return send(
                user,
                "A passkey was added",
                "A passkey named \"" + name + "\" was added to your Tocsin account. It can now finish a sign-in"
                        + " after your password, in place of a code.");
    }

    Mono<Void> passkeyRemoved(CurrentUser user, String name) {
        return send(
                user,
                "A passkey was removed",
                "The passkey named \"" + name + "\" was removed from your Tocsin account; it can no longer be"
                        + " used to sign in.");
    }

    private Mono<Void> send(CurrentUser user, String subject, String text) {
        return mailer.enqueue(new MailMessage(
                user.email(), "Tocsin: " + subject, text + NOT_YOU.formatted(publicUrl.base()), List.of()));
    }
}
