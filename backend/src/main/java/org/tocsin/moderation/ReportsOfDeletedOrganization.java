package org.tocsin.moderation;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tocsin.moderation.internal.ReportStore;
import org.tocsin.organizations.OrganizationErasure;
import reactor.core.publisher.Mono;

/** Reports about a deleted organization or its events: nothing is left to moderate, and a report names what it is about. */
@Component
@Order(OrganizationErasure.Order.OWN)
class ReportsOfDeletedOrganization implements OrganizationErasure {

    private final ReportStore store;

    ReportsOfDeletedOrganization(ReportStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return "reports";
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
