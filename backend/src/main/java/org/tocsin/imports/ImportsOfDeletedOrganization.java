package org.tocsin.imports;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tocsin.imports.internal.ImportStore;
import org.tocsin.organizations.OrganizationErasure;
import reactor.core.publisher.Mono;

/** A deleted organization's calendar import sources (no more syncs) and what they remembered of its events. */
@Component
@Order(OrganizationErasure.Order.OWN)
class ImportsOfDeletedOrganization implements OrganizationErasure {

    private final ImportStore store;

    ImportsOfDeletedOrganization(ImportStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return "importSources";
    }

    @Override
    public Mono<Long> count(String organizationId) {
        return store.countSources(organizationId);
    }

    @Override
    public Mono<Long> erase(String organizationId) {
        return store.deleteOfOrganization(organizationId);
    }
}
