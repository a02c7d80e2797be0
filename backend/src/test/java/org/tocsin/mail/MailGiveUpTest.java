package org.tocsin.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import jakarta.mail.SendFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.tocsin.mail.internal.OutboxMail;
import org.tocsin.mail.internal.OutboxStore;
import org.tocsin.support.IntegrationTest;
import reactor.core.scheduler.Schedulers;

/**
 * A mail that can never be delivered is tried max-attempts times, then dropped; the logs tell the
 * operator so without the address, even when the SMTP server's reply quotes it.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailGiveUpTest extends IntegrationTest {

    @Autowired
    OutboxStore store;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void anUndeliverableMailIsTriedMaxAttemptsTimesThenDroppedWithoutLoggingTheAddress(CapturedOutput output)
            throws Exception {
        String to = "rejected-" + System.nanoTime() + "@example.org";
        AtomicInteger attempts = new AtomicInteger();
        MailTransport rejecting = new MailTransport(null, null, null, null) {
            @Override
            void send(String id, MailMessage message, boolean again) throws SendFailedException {
                attempts.incrementAndGet();
                throw new SendFailedException("550 5.1.1 <" + message.to() + ">: Recipient address rejected");
            }
        };
        // A century ahead: this mailer's mails are never due for the application's own sender.
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(36_500));
        Mailer mailer = new Mailer(
                store,
                rejecting,
                new MailSettings(null, 3, Duration.ofMillis(50), null, null),
                ahead.withZone(ZoneOffset.UTC));

        // Enqueued from a non-blocking thread, as a request handler would: BlockHound would fail any blocking.
        mailer.enqueue(new MailMessage(to, "Your RSVP", "Hello", List.of()))
                .subscribeOn(Schedulers.parallel())
                .block(Duration.ofSeconds(30));
        MailChecks.await("the mail to be given up", Duration.ofSeconds(20), () -> {
            mailer.poll();
            return Boolean.FALSE.equals(mongo.exists(Query.query(where("to").is(to)), OutboxMail.class)
                    .block());
        });

        assertThat(attempts).hasValue(3);
        assertThat(output.getAll())
                .contains("Dropped mail", "after 3 failed attempts", "jakarta.mail.SendFailedException")
                .doesNotContain(to);
    }
}
