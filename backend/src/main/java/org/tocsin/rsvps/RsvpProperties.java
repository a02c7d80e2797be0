package org.tocsin.rsvps;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retention RSVPs (names, emails, tokens) of an occurrence are deleted this long after it ended
 *                  ({@code tocsin.rsvps.retention}); only the counts stay
 */
@ConfigurationProperties("tocsin.rsvps")
record RsvpProperties(Duration retention) {

    RsvpProperties {
        retention = retention == null ? Duration.ofDays(30) : retention;
    }
}
