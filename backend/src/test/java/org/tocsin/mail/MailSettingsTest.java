package org.tocsin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void byDefaultTenAttemptsSpanAboutADay() {
        MailSettings settings = new MailSettings(null, null, null, null, null);

        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < settings.maxAttempts(); attempt++) {
            total = total.plus(settings.backoffAfter(attempt));
        }

        assertThat(settings.maxAttempts()).isEqualTo(10);
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(6));
        assertThat(total).isBetween(Duration.ofHours(18), Duration.ofHours(30));
        assertThat(settings.from()).isEqualTo("Tocsin <no-reply@localhost>");
    }

    @Test
    void theWaitNeverGrowsPastTwelveHours() {
        assertThat(new MailSettings(null, 50, Duration.ofMinutes(10), null, null).backoffAfter(40))
                .isEqualTo(Duration.ofHours(12));
    }
}
