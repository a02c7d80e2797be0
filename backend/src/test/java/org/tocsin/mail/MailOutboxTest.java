package org.tocsin.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.tocsin.mail.internal.OutboxMail;
import org.tocsin.storage.DataDirectory;
import org.tocsin.storage.Ids;
import org.tocsin.storage.PrivateFiles;
import org.tocsin.support.IntegrationTest;

/** The one-command default has no SMTP server: mails become .eml files in the data directory. */
class MailOutboxTest extends IntegrationTest {

    @Autowired
    Mailer mailer;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MailTransport transport;

    @Test
    void withoutSmtpAMailBecomesAnEmlFileAndLeavesTheQueue() throws Exception {
        String to = "outbox-" + System.nanoTime() + "@example.org";
        mailer.enqueue(MailChecks.invitation(to)).block(Duration.ofSeconds(30));

        Path outbox = dataDirectory.resolve("outbox");
        MailChecks.await("the .eml file", Duration.ofSeconds(20), () -> find(outbox, to) != null);
        Path file = find(outbox, to);

        assertThat(file.getFileName().toString()).endsWith(".eml");
        try (InputStream in = Files.newInputStream(file)) {
            MailChecks.isTheInvitation(new MimeMessage(Session.getInstance(new Properties()), in), to);
        }
        // No half-written files are left behind, and the queue keeps no copy of a sent mail.
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
        MailChecks.await(
                "the queue to forget it",
                Duration.ofSeconds(10),
                () -> Boolean.FALSE.equals(mongo.exists(Query.query(where("to").is(to)), OutboxMail.class)
                        .block()));
    }

    /**
     * A mail handed over and then sent again, because its replica died before the outbox forgot it, replaces the
     * first copy: the same file name and Message-ID. Replicas that share a drop directory so write it once.
     */
    @Test
    void aMailSentAgainAfterItsSenderDiedReplacesTheFirstCopy() throws Exception {
        String to = "resent-" + System.nanoTime() + "@example.org";
        Path outbox = dataDirectory.resolve("outbox");
        String id = MailChecks.sentByAReplicaThatThenDied(transport, mongo, to);
        // Dated a day back, so that the second copy shows in the file's time.
        FileTime firstWritten = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        Files.setLastModifiedTime(outbox.resolve(id + ".eml"), firstWritten);

        mailer.trigger();

        MailChecks.await(
                "the queue to forget it",
                Duration.ofSeconds(20),
                () -> Boolean.FALSE.equals(mongo.exists(Query.query(where("to").is(to)), OutboxMail.class)
                        .block()));
        try (Stream<Path> files = Files.list(outbox)) {
            List<Path> copies = files.filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .filter(p -> read(p).contains(to))
                    .toList();
            assertThat(copies).containsExactly(outbox.resolve(id + ".eml"));
        }
        assertThat(Files.getLastModifiedTime(outbox.resolve(id + ".eml")))
                .as("written again")
                .isGreaterThan(firstWritten);
        try (InputStream in = Files.newInputStream(outbox.resolve(id + ".eml"))) {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(mime.getMessageID()).isEqualTo("<" + id + "@localhost>");
            MailChecks.isTheInvitation(mime, to);
        }
    }

    /** A sender that died in the middle of writing a mail leaves a half file, which the next attempt removes. */
    @Test
    void aMailWhoseSenderDiedWhileWritingItLeavesNoHalfFile() throws Exception {
        String to = "half-" + System.nanoTime() + "@example.org";
        Path outbox = PrivateFiles.directory(dataDirectory.resolve("outbox"));
        String id = Ids.newId();
        Path halfWritten = outbox.resolve("." + id + ".4242424.tmp");
        Files.writeString(halfWritten, "Message-ID: <" + id + "@localhost>\r\nTo: " + to + "\r\nSubj");
        MailChecks.claimedByAReplicaThatDied(mongo, id, to);

        mailer.trigger();

        MailChecks.await(
                "the mail to be written", Duration.ofSeconds(20), () -> Files.exists(outbox.resolve(id + ".eml")));
        try (InputStream in = Files.newInputStream(outbox.resolve(id + ".eml"))) {
            MailChecks.isTheInvitation(new MimeMessage(Session.getInstance(new Properties()), in), to);
        }
        assertThat(halfWritten).doesNotExist();
    }

    @Test
    void aMailWithoutAttachmentsIsPlainText() throws Exception {
        String to = "plain-" + System.nanoTime() + "@example.org";
        mailer.enqueue(new MailMessage(to, "Your RSVP", "Hello", List.of())).block(Duration.ofSeconds(30));

        Path outbox = dataDirectory.resolve("outbox");
        MailChecks.await("the .eml file", Duration.ofSeconds(20), () -> find(outbox, to) != null);
        try (InputStream in = Files.newInputStream(find(outbox, to))) {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(mime.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
            assertThat(mime.getContent().toString()).isEqualTo("Hello");
        }
    }

    @Test
    void badAddressesAreRefusedBeforeQueueingAndSubjectsAreOneLine() {
        assertThatThrownBy(() -> mailer.enqueue(new MailMessage("not an address", "s", "t", List.of()))
                        .block())
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("not an address");
        assertThatThrownBy(() -> mailer.enqueue(new MailMessage("a@example.org, b@example.org", "s", "t", List.of()))
                        .block())
                .isInstanceOf(IllegalArgumentException.class);
        // A line break in a subject (a title stored before input was checked) cannot start a header.
        MailMessage injected =
                new MailMessage("a@example.org", "s\r\nBcc: x@example.org\u0000\u202E", "t\r\nu\u0007", List.of());
        assertThat(injected.subject()).isEqualTo("s Bcc: x@example.org");
        assertThat(injected.text()).isEqualTo("t\nu");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static Path find(Path outbox, String to) {
        if (!Files.isDirectory(outbox)) {
            return null;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .filter(p -> read(p).contains(to))
                    .findFirst()
                    .orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
