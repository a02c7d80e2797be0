package org.tocsin.mail;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail delivery ({@code tocsin.mail.*}). SMTP itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} mails are written as .eml files to {@code <tocsin.data-dir>/outbox/}, or to
 * {@code tocsin.mail.drop-directory}.
 *
 * @param from the From header ({@code tocsin.mail.from})
 * @param maxAttempts delivery attempts before a mail is dropped ({@code tocsin.mail.max-attempts})
 * @param retryBackoff the wait after the first failed attempt, doubled after each further one
 *        ({@code tocsin.mail.retry-backoff}); 3 min and 10 attempts span about a day
 * @param lease how long a replica may take to send a mail it claimed before another may try it
 *        ({@code tocsin.mail.lease}); longer than the SMTP timeouts
 * @param dropDirectory where mails are written without SMTP ({@code tocsin.mail.drop-directory}); null for
 *        {@code <tocsin.data-dir>/outbox}. Replicas given the same one write each mail once: a mail sent again
 *        because its first sender died before settling it replaces the first copy (same file name)
 */
@ConfigurationProperties("tocsin.mail")
record MailSettings(String from, Integer maxAttempts, Duration retryBackoff, Duration lease, Path dropDirectory) {

    MailSettings {
        from = from == null || from.isBlank() ? "Tocsin <no-reply@localhost>" : from;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 10 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMinutes(3) : retryBackoff;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
    }

    /** The wait after the {@code attempts}-th failed attempt: backoff, 2×, 4×, … capped at 12 hours. */
    Duration backoffAfter(int attempts) {
        Duration wait = retryBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(Duration.ofHours(12)) > 0 ? Duration.ofHours(12) : wait;
    }
}
