package org.tocsin.coalitions;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.AccountService;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.mail.MailMessage;
import org.tocsin.mail.Mailer;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.OrganizationRef;
import reactor.core.publisher.Mono;

/**
 * Tells the invited organization's ORGANIZER+ members of an invitation to co-host, through the outbox, in
 * the request that invites. Accounts keep no language, so the mail carries English and Persian, each
 * paragraph on its own (user text, the names, sits on lines of its own for bidi). Nothing about attendees.
 */
@Component
class CoHostMail {

    /** Bounds the work of one invitation: an organization with more organizers hears through these. */
    static final int MAX_RECIPIENTS = 50;

    private final OrganizationAccess access;
    private final AccountService accounts;
    private final Mailer mailer;
    private final PublicUrl publicUrl;

    CoHostMail(OrganizationAccess access, AccountService accounts, Mailer mailer, PublicUrl publicUrl) {
        this.access = access;
        this.accounts = accounts;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    Mono<Void> invited(OrganizationRef host, OrganizationRef invited, String eventTitle) {
        String dashboard = publicUrl.base() + "/dashboard/organizations/" + invited.slug();
        String subject = "Invitation to co-host / دعوت به میزبانی مشترک";
        String text = "The organization\n" + host.name() + "\ninvites\n" + invited.name()
                + "\nto co-host the event\n" + eventTitle + "\n\n"
                + "If one of your organizers accepts, the event appears on your organization's page and feeds,"
                + " and your organizers may edit it. Until then nothing changes. Accept or decline here:\n"
                + dashboard + "\n\n"
                + "سازمان\n" + host.name() + "\nاز\n" + invited.name()
                + "\nدعوت می‌کند که میزبان مشترک این رویداد باشد:\n" + eventTitle + "\n\n"
                + "اگر یکی از سازمان‌دهندگان شما بپذیرد، رویداد در صفحه و خوراک‌های سازمان شما نمایش داده می‌شود"
                + " و سازمان‌دهندگان شما می‌توانند آن را ویرایش کنند. تا آن زمان چیزی تغییر نمی‌کند."
                + " پذیرفتن یا رد کردن:\n" + dashboard + "\n";
        return access.organizers(invited.id(), MAX_RECIPIENTS)
                .concatMap(accounts::findById)
                .concatMap(user -> mailer.enqueue(new MailMessage(user.email(), subject, text, List.of())))
                .then();
    }
}
