package org.tocsin.coalitions;

import org.springframework.stereotype.Component;
import org.tocsin.accounts.AccountService;
import org.tocsin.campaigns.CampaignHost;
import org.tocsin.coalitions.internal.SubmissionDocument;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.mail.MailMessage;
import org.tocsin.mail.Mailer;
import reactor.core.publisher.Mono;

/**
 * Tells the person who submitted an event what became of it, through the outbox, in the flow that
 * decided. Nothing in it is about attendees; the reason is the reviewers' own words.
 */
@Component
class SubmissionMail {

    private final AccountService accounts;
    private final Mailer mailer;
    private final PublicUrl publicUrl;

    SubmissionMail(AccountService accounts, Mailer mailer, PublicUrl publicUrl) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    Mono<Void> decided(SubmissionDocument s, CampaignHost campaign, String eventTitle) {
        String title = eventTitle == null ? "your event" : "\"" + eventTitle + "\"";
        String subject;
        String text;
        switch (s.state()) {
            case APPROVED -> {
                subject = "Approved for " + campaign.name();
                text = "The organizers of the campaign \"" + campaign.name() + "\" approved " + title
                        + ". It now appears on the campaign's page and in its feeds:\n\n"
                        + publicUrl.base() + "/campaigns/" + campaign.slug() + "\n";
            }
            case DECLINED -> {
                subject = "Not accepted for " + campaign.name();
                text = "The organizers of the campaign \"" + campaign.name() + "\" did not accept " + title
                        + " for it.\n\nTheir reason:\n" + s.reason()
                        + "\n\nThe event itself is unchanged and stays on your organization's pages.\n";
            }
            default -> {
                subject = "Back in review for " + campaign.name();
                text = "The time or place of " + title + " changed, and the campaign \"" + campaign.name()
                        + "\" reviews such changes: it is off the campaign's page until its organizers approve it"
                        + " again.\n";
            }
        }
        return accounts.findById(s.submittedBy())
                .flatMap(user -> mailer.enqueue(new MailMessage(user.email(), subject, text, java.util.List.of())));
    }
}
