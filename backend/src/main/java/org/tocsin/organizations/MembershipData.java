package org.tocsin.organizations;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.PersonalData;
import org.tocsin.organizations.internal.MembershipDocument;
import org.tocsin.organizations.internal.OrganizationStore;
import reactor.core.publisher.Mono;

/** A person's memberships, for their export: which organizations, with which role, since when. */
@Component
class MembershipData implements PersonalData {

    private final OrganizationStore store;

    MembershipData(OrganizationStore store) {
        this.store = store;
    }

    record Entry(String organization, String organizationName, Role role, Instant since) {}

    @Override
    public String kind() {
        return "memberships";
    }

    @Override
    public Mono<List<?>> of(String userId) {
        return store.membershipsOf(userId)
                .take(MAX_ENTRIES)
                .concatMap((MembershipDocument m) -> store.byId(m.organizationId())
                        .map(org -> new Entry(org.slug(), org.name(), m.role(), m.since())))
                .collectList()
                .map(list -> list);
    }
}
