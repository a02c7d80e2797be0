package org.tocsin.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.tocsin.storage.DataDirectory;
import org.tocsin.storage.PrivateFiles;

/**
 * Hands one mail over: by SMTP when {@code spring.mail.host} is set (Spring Boot then provides a
 * {@link JavaMailSender}), else as an RFC 822 file {@code <id>.eml} in the drop directory
 * ({@code <tocsin.data-dir>/outbox/} unless {@code tocsin.mail.drop-directory} is set), the same MIME message
 * either way. Blocking: call it on {@code Schedulers.boundedElastic()} only.
 *
 * <p>Sending one outbox mail again gives the same message: its Message-ID comes from the outbox id, and its
 * file has the same name. Delivery is at least once (a replica killed after handing a mail over and before
 * deleting it from the outbox leaves it to be sent again after its lease), so a second copy must be
 * recognisably the first: a shared drop directory keeps one file, and mail stores that drop duplicates by
 * Message-ID show one mail.
 */
@Component
class MailTransport {

    private final ObjectProvider<JavaMailSender> smtp;
    private final DataDirectory dataDirectory;
    private final MailSettings settings;
    private final Clock clock;
    private final Session fileSession = Session.getInstance(new Properties());

    MailTransport(
            ObjectProvider<JavaMailSender> smtp, DataDirectory dataDirectory, MailSettings settings, Clock clock) {
        this.smtp = smtp;
        this.dataDirectory = dataDirectory;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where mails go without SMTP. */
    Path outbox() {
        return settings.dropDirectory() != null ? settings.dropDirectory() : dataDirectory.resolve("outbox");
    }

    /** {@code again}: an earlier attempt at this mail did not finish, and may have left a half-written file. */
    void send(String id, MailMessage message, boolean again) throws MessagingException, IOException {
        JavaMailSender sender = smtp.getIfAvailable();
        MimeMessage mime =
                compose(sender == null ? new MimeMessage(fileSession) : sender.createMimeMessage(), id, message);
        if (sender != null) {
            sender.send(mime);
        } else {
            write(id, mime, again);
        }
    }

    /** text/plain UTF-8 alone, or multipart/mixed with it first and then the attachments as given. */
    private MimeMessage compose(MimeMessage mime, String id, MailMessage message) throws MessagingException {
        boolean multipart = !message.attachments().isEmpty();
        MimeMessageHelper helper = new MimeMessageHelper(
                mime,
                multipart ? MimeMessageHelper.MULTIPART_MODE_MIXED : MimeMessageHelper.MULTIPART_MODE_NO,
                "UTF-8");
        InternetAddress from = new InternetAddress(settings.from(), true);
        helper.setFrom(from);
        helper.setTo(new InternetAddress(message.to(), true));
        helper.setSubject(message.subject());
        helper.setSentDate(Date.from(clock.instant()));
        helper.setText(message.text() == null ? "" : message.text(), false);
        for (MailAttachment attachment : message.attachments()) {
            helper.addAttachment(
                    attachment.filename(), new ByteArrayDataSource(attachment.content(), attachment.contentType()));
        }
        mime.saveChanges();
        // After saveChanges, which would make up a new one; Spring's sender keeps a Message-ID that is set.
        mime.setHeader("Message-ID", messageId(id, from));
        return mime;
    }

    /** {@code <outbox id@the From address's domain>}: the same for every attempt at one mail. */
    private static String messageId(String id, InternetAddress from) {
        String address = from.getAddress();
        return "<" + id + "@" + address.substring(address.lastIndexOf('@') + 1) + ">";
    }

    /** Written whole to a temporary file, flushed to disk, then renamed: a reader never sees half a mail. */
    private void write(String id, MimeMessage mime, boolean again) throws MessagingException, IOException {
        // For the owner alone, directory and file (0700, 0600): a mail carries a manage link.
        Path dir = PrivateFiles.directory(outbox());
        // Named by this process too: in a drop directory that replicas share, two of them may write one mail at once
        // (the first sender hung past its lease), and each must rename only what it wrote itself.
        Path temporary = dir.resolve("." + id + "." + ProcessHandle.current().pid() + ".tmp");
        try (FileChannel channel = FileChannel.open(
                        temporary,
                        Set.of(
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING),
                        PrivateFiles.newFile(dir));
                OutputStream out = Channels.newOutputStream(channel)) {
            mime.writeTo(out);
            out.flush();
            channel.force(true);
        }
        // A left-over temporary file of a crashed attempt keeps its old mode when truncated: set it again.
        PrivateFiles.file(temporary);
        Files.move(
                temporary,
                dir.resolve(id + ".eml"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        if (again) {
            // What an attempt that died writing this mail left (another process id), now that the mail is whole.
            // Only on a later attempt, which is rare: it reads the whole directory.
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "." + id + ".*.tmp")) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }
}
