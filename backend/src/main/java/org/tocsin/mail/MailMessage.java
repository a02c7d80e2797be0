package org.tocsin.mail;

import java.util.List;

/**
 * A plain-text mail to one person, with attachments (e.g. an invitation from
 * {@code org.tocsin.feeds.EventInvitations}). Hand it to {@link Mailer#enqueue}.
 *
 * @param to one address ({@code alice@example.org}); never logged
 * @param subject one line
 * @param text the body, sent as {@code text/plain; charset=UTF-8}
 * @param attachments sent as given, possibly none
 */
public record MailMessage(String to, String subject, String text, List<MailAttachment> attachments) {

    public MailMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
