package org.tocsin.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.mail.internal.OutboxMail;
import org.tocsin.support.TestStorage;

/**
 * With {@code spring.mail.host} set, mails go out by SMTP, here to GreenMail, a real SMTP server in the
 * test JVM. It only runs while a test starts it, so a test can also show what happens while it is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailSmtpTest {

    private static final int PORT = TestStorage.freePort();
    /** Not a @TempDir: the cached context outlives this class and still has the file open. */
    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-mail-test-");

    @Autowired
    Mailer mailer;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MailTransport transport;

    private GreenMail smtp;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        // Its own context, so its own store: the shared context's embedded database file is locked by it, and
        // on a real MongoDB the shared context's sender (no SMTP: .eml files) must not take these mails.
        TestStorage.register(registry, DATA_DIR, "tocsin-mail-smtp-test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("tocsin.mail.from", () -> "Tocsin Test <no-reply@tocsin.test>");
        registry.add("tocsin.mail.retry-backoff", () -> "PT1S");
        registry.add("tocsin.mail.poll-interval", () -> "PT0.5S");
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aQueuedMailArrivesBySmtpWithItsInvitation() throws Exception {
        startSmtp();
        String to = "smtp-" + System.nanoTime() + "@example.org";

        mailer.enqueue(MailChecks.invitation(to)).block(Duration.ofSeconds(30));

        MimeMessage received = awaitMail(to, Duration.ofSeconds(20));
        MailChecks.isTheInvitation(received, to);
        assertThat(received.getFrom()[0].toString()).isEqualTo("Tocsin Test <no-reply@tocsin.test>");
        MailChecks.await("the queue to forget it", Duration.ofSeconds(10), () -> !queued(to));
    }

    @Test
    void whileSmtpIsDownTheMailWaitsAndIsDeliveredOnceItIsBack() throws Exception {
        String to = "retry-" + System.nanoTime() + "@example.org";

        mailer.enqueue(MailChecks.invitation(to)).block(Duration.ofSeconds(30));

        // The first attempt fails (nothing listens on the port); the mail stays queued, due again later.
        MailChecks.await("a failed attempt", Duration.ofSeconds(20), () -> {
            OutboxMail mail = mongo.findOne(Query.query(where("to").is(to)), OutboxMail.class)
                    .block();
            return mail != null && mail.attempts() >= 1 && mail.state() == OutboxMail.State.QUEUED;
        });
        startSmtp();

        MailChecks.isTheInvitation(awaitMail(to, Duration.ofSeconds(30)), to);
        MailChecks.await("the queue to forget it", Duration.ofSeconds(10), () -> !queued(to));
        // And no second copy follows.
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, to)))
                        .hasSize(1));
    }

    /**
     * Delivery is at least once: a mail whose replica died after SMTP took it and before the outbox forgot it goes
     * out again once the lease has run out, as the same message (one Message-ID), which mail stores show once.
     */
    @Test
    void aMailSentAgainAfterItsSenderDiedKeepsItsMessageId() throws Exception {
        startSmtp();
        String to = "resent-" + System.nanoTime() + "@example.org";

        String id = MailChecks.sentByAReplicaThatThenDied(transport, mongo, to);
        mailer.trigger();

        MailChecks.await(
                "the second copy",
                Duration.ofSeconds(20),
                () -> Arrays.stream(smtp.getReceivedMessages())
                                .filter(m -> sentTo(m, to))
                                .count()
                        == 2);
        for (MimeMessage copy : Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> sentTo(m, to))
                .toList()) {
            assertThat(copy.getMessageID()).isEqualTo("<" + id + "@tocsin.test>");
            MailChecks.isTheInvitation(copy, to);
        }
        MailChecks.await("the queue to forget it", Duration.ofSeconds(10), () -> !queued(to));
    }

    /**
     * Mail is queued and retried, so an SMTP outage must not take the app out: a load balancer pulls a
     * replica whose health is DOWN, and every replica shares the one SMTP server.
     */
    @Test
    void whileSmtpIsDownTheAppStaysHealthy(@LocalServerPort int port) {
        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private MimeMessage awaitMail(String to, Duration timeout) throws InterruptedException {
        MailChecks.await(
                "a mail to the test address",
                timeout,
                () -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> sentTo(m, to)));
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> sentTo(m, to))
                .findFirst()
                .orElseThrow();
    }

    private boolean queued(String to) {
        return Boolean.TRUE.equals(
                mongo.exists(Query.query(where("to").is(to)), OutboxMail.class).block());
    }

    private static boolean sentTo(MimeMessage message, String to) {
        try {
            return List.of(message.getAllRecipients()).stream()
                    .anyMatch(a -> a.toString().equals(to));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
