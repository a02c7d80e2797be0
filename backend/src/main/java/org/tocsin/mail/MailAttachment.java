package org.tocsin.mail;

/**
 * A file attached to a {@link MailMessage}.
 *
 * @param filename as the recipient's mail client shows it, e.g. {@code invite.ics}
 * @param contentType the part's full MIME type, e.g. {@code text/calendar; charset=UTF-8; method=REQUEST}
 *        (for an invitation, the method must match the METHOD inside)
 * @param content the bytes
 */
public record MailAttachment(String filename, String contentType, byte[] content) {}
