package org.tocsin.bulk;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tocsin.bulk.internal.ImportJobStore;
import org.tocsin.organizations.OrganizationErasure;
import reactor.core.publisher.Mono;

/** A deleted organization's bulk import jobs and their reports. */
@Component
@Order(OrganizationErasure.Order.OWN)
class ImportJobsOfDeletedOrganization implements OrganizationErasure {

    private final ImportJobStore store;

    ImportJobsOfDeletedOrganization(ImportJobStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return "bulkImports";
    }

    @Override
    public Mono<Long> count(String organizationId) {
        return store.countOfOrganization(organizationId);
    }

    @Override
    public Mono<Long> erase(String organizationId) {
        return store.deleteOfOrganization(organizationId);
    }
}
