package org.tocsin.audit;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.PersonalErasure;
import org.tocsin.audit.internal.AuditStore;
import reactor.core.publisher.Mono;

/**
 * A deleted account's part of the audit log: the entries stay (the organization's record of what
 * happened), but no longer name the person, as the one who acted or the member it was about.
 */
@Component
class AuditErasure implements PersonalErasure {

    private final AuditStore store;

    AuditErasure(AuditStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return "audit";
    }

    @Override
    public Mono<Preview> preview(String userId) {
        return store.countAbout(userId)
                .map(n -> new Preview(
                        n,
                        n == 0
                                ? List.of()
                                : List.of(n + " audit log entries of your organizations will name a deleted account"
                                        + " instead of you"),
                        List.of()));
    }

    @Override
    public Mono<Long> erase(String userId) {
        return store.forget(userId);
    }
}
