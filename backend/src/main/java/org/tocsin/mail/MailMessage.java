package org.tocsin.mail;

import java.util.List;
import org.tocsin.text.UserText;

/**
 * A plain-text mail to one person, with attachments (e.g. an invitation from
 * {@code org.tocsin.ical.EventInvitations}). Hand it to {@link Mailer#enqueue}.
 *
 * @param to one address ({@code alice@example.org}); never logged
 * @param subject one line: line breaks become a space (no header injection from a stored title), other
 *     control characters and bidi overrides are dropped
 * @param text the body, sent as {@code text/plain; charset=UTF-8}; keeps newlines and tabs, drops
 *     other control characters (an event title or description stored with one cannot garble the mail)
 * @param attachments sent as given, possibly none
 *     <p>First-strong isolates (FSI U+2068 … PDI U+2069) are kept: a composer wraps user text in them, once it
 *     has cleaned that text with {@link UserText#printable}, so a Latin name keeps its order in Persian text.
 */
public record MailMessage(String to, String subject, String text, List<MailAttachment> attachments) {

    private static final String ISOLATES = "\u2068\u2069";

    public MailMessage {
        subject = subject == null ? null : UserText.printable(subject.replaceAll("[\r\n]+", " "), ISOLATES);
        text = text == null ? null : UserText.printable(text.replace("\r\n", "\n"), "\t\n" + ISOLATES);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
