package org.tocsin.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param retention entries are deleted this long after they were made ({@code tocsin.audit.retention}, 180 days) */
@ConfigurationProperties("tocsin.audit")
record AuditProperties(Duration retention) {

    AuditProperties {
        retention = retention == null ? Duration.ofDays(180) : retention;
    }
}
