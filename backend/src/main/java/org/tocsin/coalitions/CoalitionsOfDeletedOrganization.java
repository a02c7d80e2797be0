package org.tocsin.coalitions;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.coalitions.internal.CoalitionStore;
import org.tocsin.organizations.OrganizationErasure;
import reactor.core.publisher.Mono;

/** A deleted organization's submissions to campaigns, the calls and submissions of the campaigns it ran (other organizations' events in them stay, on their own pages), and its place on other calls' partner lists. */
@Component
@Order(OrganizationErasure.Order.OWN)
class CoalitionsOfDeletedOrganization implements OrganizationErasure {

    private final CoalitionStore store;
    private final CampaignService campaigns;

    CoalitionsOfDeletedOrganization(CoalitionStore store, CampaignService campaigns) {
        this.store = store;
        this.campaigns = campaigns;
    }

    @Override
    public String kind() {
        return "submissions";
    }

    @Override
    public Mono<Long> count(String organizationId) {
        return campaigns
                .idsRunBy(organizationId)
                .collectList()
                .flatMap(ids -> store.countOfOrganization(organizationId, ids));
    }

    @Override
    public Mono<Long> erase(String organizationId) {
        return campaigns
                .idsRunBy(organizationId)
                .collectList()
                .flatMap(ids -> store.deleteOfOrganization(organizationId, ids));
    }
}
