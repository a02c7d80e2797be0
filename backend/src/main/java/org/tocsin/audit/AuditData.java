package org.tocsin.audit;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.PersonalData;
import reactor.core.publisher.Mono;

/** A person's export includes the audit entries they made or that were about them (their role changes). */
@Component
class AuditData implements PersonalData {

    private final AuditLog log;

    AuditData(AuditLog log) {
        this.log = log;
    }

    @Override
    public String kind() {
        return "audit";
    }

    @Override
    public Mono<List<?>> of(String userId) {
        return log.about(userId, MAX_ENTRIES).map(list -> list);
    }
}
