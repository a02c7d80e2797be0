package org.tocsin.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tocsin.kernel.OperatorMetrics;
import org.tocsin.mail.Mailer;

/**
 * {@code tocsin_mail_queue}: the mails waiting in the outbox (shared by every replica), counted every
 * 15 seconds rather than at each scrape: a scrape reads a number, it never waits for the database.
 */
@Component
@ConditionalOnBooleanProperty("tocsin.metrics.enabled")
class MailQueueGauge {

    private static final Logger log = LoggerFactory.getLogger(MailQueueGauge.class);

    private final Mailer mailer;
    private final AtomicLong depth = new AtomicLong();

    MailQueueGauge(Mailer mailer, MeterRegistry registry) {
        this.mailer = mailer;
        Gauge.builder("tocsin.mail.queue", depth, AtomicLong::get)
                .description("Mails waiting in the outbox, retries included")
                .register(registry);
        // Here, not in a component of its own: one place that runs only when metrics are on.
        OperatorMetrics.registerAll();
    }

    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT1S")
    void count() {
        mailer.queued().subscribe(depth::set, e -> log.warn("Mail queue not counted: {}", e.toString()));
    }
}
