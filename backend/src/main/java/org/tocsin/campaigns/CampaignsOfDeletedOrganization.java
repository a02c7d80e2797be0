package org.tocsin.campaigns;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tocsin.audit.AuditLog;
import org.tocsin.campaigns.internal.CampaignStore;
import org.tocsin.organizations.OrganizationErasure;
import reactor.core.publisher.Mono;

/**
 * The campaigns a deleted organization ran go with it, last (events, calls and submissions have let go of
 * them by then), with their audit log. Other organizations' events that were in them stay, on their own
 * pages, in no campaign.
 */
@Component
@Order(OrganizationErasure.Order.CAMPAIGNS)
class CampaignsOfDeletedOrganization implements OrganizationErasure {

    private final CampaignStore store;
    private final AuditLog audit;

    CampaignsOfDeletedOrganization(CampaignStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public String kind() {
        return "campaigns";
    }

    @Override
    public Mono<Long> count(String organizationId) {
        return store.runBy(organizationId).count();
    }

    @Override
    public Mono<Long> erase(String organizationId) {
        return store.runBy(organizationId)
                .map(c -> c.id())
                .collectList()
                .flatMap(ids -> audit.forgetOrganization(organizationId, ids))
                .then(store.deleteRunBy(organizationId));
    }
}
