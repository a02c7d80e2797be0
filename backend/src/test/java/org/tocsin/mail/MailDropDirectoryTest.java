package org.tocsin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.tocsin.storage.DataDirectory;

/**
 * Replicas without SMTP that share {@code tocsin.mail.drop-directory} write each mail once, even when the
 * second sends it again (the first died before the outbox forgot it): what the replica rehearsal counts.
 */
class MailDropDirectoryTest {

    @Test
    void twoReplicasSendingOneMailLeaveOneFileInTheSharedDropDirectory(@TempDir Path root) throws Exception {
        Path drop = root.resolve("mail");
        MailTransport first = replica(root.resolve("backend1"), drop);
        MailTransport second = replica(root.resolve("backend2"), drop);
        String to = "shared@example.org";

        first.send("m1", MailChecks.invitation(to), false);
        second.send("m1", MailChecks.invitation(to), true);

        try (Stream<Path> files = Files.list(drop)) {
            assertThat(files).containsExactly(drop.resolve("m1.eml"));
        }
        try (InputStream in = Files.newInputStream(drop.resolve("m1.eml"))) {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), in);
            MailChecks.isTheInvitation(mime, to);
            assertThat(mime.getMessageID()).isEqualTo("<m1@tocsin.test>");
        }
        assertThat(root.resolve("backend1").resolve("outbox")).doesNotExist();
        assertThat(root.resolve("backend2").resolve("outbox")).doesNotExist();
    }

    private static MailTransport replica(Path dataDir, Path drop) {
        return new MailTransport(
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                new DataDirectory(dataDir),
                new MailSettings("Tocsin <no-reply@tocsin.test>", null, null, null, drop),
                Clock.systemUTC());
    }
}
