package org.tocsin.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The mails the shared test application wrote as {@code .eml} files (no SMTP configured), decoded: a
 * Persian text is quoted-printable or base64 on disk, and a test asserts what the reader sees.
 */
public final class OutboxFiles {

    /** One mail: its subject and its plain-text body, decoded. */
    public record Mail(String subject, String text) {}

    private OutboxFiles() {}

    public static List<Mail> to(Path dataDir, String email) {
        Path outbox = dataDir.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml"))
                    .map(OutboxFiles::read)
                    .filter(m -> m != null && m.to().equalsIgnoreCase(email))
                    .map(Read::mail)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Read(String to, Mail mail) {}

    private static Read read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String to = message.getAllRecipients() == null || message.getAllRecipients().length == 0
                    ? ""
                    : message.getAllRecipients()[0].toString();
            return new Read(to, new Mail(message.getSubject(), text(message.getContent())));
        } catch (IOException | MessagingException e) {
            // A file being written while listed: not a mail yet.
            return null;
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") && part.getFileName() == null) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart nested) {
                    String found = text(nested);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
        }
        return "";
    }
}
