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

    private static final String NOT_YOU_FA =
            "\n\nاگر این کار شما نبود، کس دیگری گذرواژه‌ی شما را دارد: همین حالا آن را در این"
                    + " نشانی عوض کنید، که همه‌ی دستگاه‌های دیگر را هم بیرون می‌برد، و به مدیران سازمان خود خبر دهید:\n%s\n";

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

    /*
     * Passkey mails carry English and Persian (accounts keep no language), the passkey's name on a line of
     * its own in each, so that text the person typed does not reorder the sentence around it.
     */
    Mono<Void> passkeyAdded(CurrentUser user, String name) {
        return sendBilingual(
                user,
                "A passkey was added",
                "گذرکلیدی افزوده شد",
                "A passkey was added to your Tocsin account, named:\n" + name
                        + "\nIt can now finish a sign-in after your password, in place of a code.",
                "گذرکلیدی با این نام به حساب توکسین شما افزوده شد:\n" + name
                        + "\nاز این پس می‌تواند پس از گذرواژه، به جای کد، ورود را کامل کند.");
    }

    Mono<Void> passkeyRemoved(CurrentUser user, String name) {
        return sendBilingual(
                user,
                "A passkey was removed",
                "گذرکلیدی برداشته شد",
                "This passkey was removed from your Tocsin account and can no longer be used to sign in:\n" + name,
                "این گذرکلید از حساب توکسین شما برداشته شد و دیگر برای ورود به کار نمی‌رود:\n" + name);
    }

    private Mono<Void> sendBilingual(
            CurrentUser user, String subject, String persianSubject, String text, String persianText) {
        String account = publicUrl.base() + "/account";
        return mailer.enqueue(new MailMessage(
                user.email(),
                "Tocsin: " + subject + " / " + persianSubject,
                text + NOT_YOU.formatted(publicUrl.base()) + "\n" + persianText + NOT_YOU_FA.formatted(account),
                List.of()));
    }

    private Mono<Void> send(CurrentUser user, String subject, String text) {
        return mailer.enqueue(new MailMessage(
                user.email(), "Tocsin: " + subject, text + NOT_YOU.formatted(publicUrl.base()), List.of()));
    }
}
