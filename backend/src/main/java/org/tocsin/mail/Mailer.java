package org.tocsin.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tocsin.kernel.OperatorMetrics;
import org.tocsin.kernel.QueueDrain;
import org.tocsin.mail.internal.OutboxMail;
import org.tocsin.mail.internal.OutboxStore;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends mail reliably, whatever SMTP is doing at the moment: {@link #enqueue} stores the mail in the
 * MongoDB outbox and returns; a sender takes it from there, soon after and then every
 * {@code tocsin.mail.poll-interval}. Each replica's sender claims one due mail at a time with an atomic
 * update and a lease (a mail whose sender died is taken up again when the lease runs out), sends it
 * (SMTP, or an .eml file without {@code spring.mail.host}; see {@link MailTransport}), and deletes it.
 * A failed attempt is retried with exponential backoff, up to {@code tocsin.mail.max-attempts}; then
 * the mail is dropped. Delivery is at least once: a replica that dies between sending and deleting
 * leads to a second copy.
 *
 * <p>Privacy: addresses are never logged; logs name a mail by its outbox id only, and failures by
 * their exception types (SMTP messages often quote the address).
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    /** Mails one run of the sender handles before it lets the next poll carry on. */
    private static final int BATCH = 500;

    private final OutboxStore outbox;
    private final MailTransport transport;
    private final MailSettings settings;
    private final Clock clock;
    /** The sender: one run at a time per replica, and one more if asked meanwhile. */
    private final QueueDrain sender;

    Mailer(OutboxStore outbox, MailTransport transport, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
        this.sender = new QueueDrain(
                this::sendNext,
                BATCH,
                e -> log.warn("Mail sender stopped early ({}); the next poll carries on", causes(e)));
    }

    /**
     * Stores the mail for sending; completes once it is durably queued (not sent). Errors with
     * {@link IllegalArgumentException} if {@code to} is not one mail address or the subject is not one line.
     */
    /** How many mails wait to be sent (retries included): the queue's depth, for operators' metrics. */
    public Mono<Long> queued() {
        return outbox.count();
    }

    public Mono<Void> enqueue(MailMessage message) {
        return Mono.defer(() -> {
                    check(message);
                    Instant now = clock.instant();
                    List<OutboxMail.Attachment> attachments = new ArrayList<>();
                    for (MailAttachment a : message.attachments()) {
                        attachments.add(new OutboxMail.Attachment(a.filename(), a.contentType(), a.content()));
                    }
                    return outbox.insert(new OutboxMail(
                            Ids.newId(),
                            message.to(),
                            message.subject(),
                            message.text(),
                            attachments,
                            OutboxMail.State.QUEUED,
                            now,
                            null,
                            0,
                            now));
                })
                .doOnSuccess(queued -> trigger())
                .then();
    }

    private static void check(MailMessage message) {
        if (message.to() == null) {
            throw new IllegalArgumentException("A mail needs a recipient");
        }
        try {
            new InternetAddress(message.to(), true).validate();
        } catch (AddressException e) {
            // Not the address itself: messages about mail end up in logs.
            throw new IllegalArgumentException("Not a single valid mail address");
        }
        if (message.subject() == null
                || message.subject().indexOf('\r') >= 0
                || message.subject().indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A mail subject must be one line");
        }
        for (MailAttachment a : message.attachments()) {
            if (a == null || a.filename() == null || a.contentType() == null || a.content() == null) {
                throw new IllegalArgumentException("An attachment needs a filename, a content type and content");
            }
        }
    }

    /** Picks up mails that are due: retries, and any that a replica queued without sending (or died sending). */
    @Scheduled(
            fixedDelayString = "${tocsin.mail.poll-interval:PT30S}",
            initialDelayString = "${tocsin.mail.poll-interval:PT30S}")
    void poll() {
        trigger();
    }

    /** Runs the sender now, unless it is running: then it runs once more when done. */
    void trigger() {
        sender.trigger();
    }

    /** Claims, sends and settles the mail due first; false when none is due. */
    private Mono<Boolean> sendNext() {
        Instant now = clock.instant();
        String claim = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return outbox.claimNext(now, now.plus(settings.lease()), claim)
                .flatMap(mail -> attempt(mail).thenReturn(true))
                .defaultIfEmpty(false);
    }

    private Mono<Void> attempt(OutboxMail mail) {
        if (mail.attempts() > settings.maxAttempts()) {
            // Claimed again after its leases ran out: whatever sends it keeps dying or hanging.
            log.warn("Dropped mail {} after {} attempts that did not finish", mail.id(), mail.attempts() - 1);
            OperatorMetrics.mailFailed(true);
            return outbox.delete(mail.id());
        }
        return Mono.fromCallable(() -> {
                    transport.send(
                            mail.id(),
                            new MailMessage(
                                    mail.to(),
                                    mail.subject(),
                                    mail.text(),
                                    mail.attachments() == null
                                            ? List.of()
                                            : mail.attachments().stream()
                                                    .map(a -> new MailAttachment(
                                                            a.filename(), a.contentType(), a.content()))
                                                    .toList()),
                            mail.attempts() > 1);
                    return true;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(e -> failed(mail, e).thenReturn(false))
                .flatMap(sent -> sent
                        ? outbox.delete(mail.id())
                                .doOnSuccess(done -> log.debug("Sent mail {} (attempt {})", mail.id(), mail.attempts()))
                        : Mono.<Void>empty());
    }

    private Mono<Void> failed(OutboxMail mail, Throwable error) {
        OperatorMetrics.mailFailed(mail.attempts() >= settings.maxAttempts());
        if (mail.attempts() >= settings.maxAttempts()) {
            log.warn("Dropped mail {} after {} failed attempts (last: {})", mail.id(), mail.attempts(), causes(error));
            return outbox.delete(mail.id());
        }
        Duration wait = settings.backoffAfter(mail.attempts());
        log.info(
                "Mail {} not sent, attempt {} of {} ({}); next attempt in {}",
                mail.id(),
                mail.attempts(),
                settings.maxAttempts(),
                causes(error),
                wait);
        return outbox.release(mail.id(), mail.claim(), clock.instant().plus(wait));
    }

    /** The exception types down the cause chain, without their messages (SMTP replies quote addresses). */
    private static String causes(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null && out.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : " <- ").append(t.getClass().getName());
        }
        return out.toString();
    }
}
