package org.tocsin.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.tocsin.campaigns.internal.CampaignDocument;
import org.tocsin.organizations.OrganizationRef;

/** A campaign with its owner and, on its own page, its cities with event counts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CampaignView(
        String id,
        String slug,
        String name,
        String description,
        String startsOn,
        String endsOn,
        Owner organization,
        List<CampaignCities.CityCount> cities,
        Long totalEvents) {

    record Owner(String slug, String name) {}

    static CampaignView of(CampaignDocument c, OrganizationRef org, List<CampaignCities.CityCount> cities) {
        return new CampaignView(
                c.id(),
                c.slug(),
                c.name(),
                c.description(),
                c.startsOn(),
                c.endsOn(),
                new Owner(org.slug(), org.name()),
                cities,
                cities == null
                        ? null
                        : cities.stream()
                                .mapToLong(CampaignCities.CityCount::events)
                                .sum());
    }

    CampaignView withCities(List<CampaignCities.CityCount> list) {
        return new CampaignView(
                id,
                slug,
                name,
                description,
                startsOn,
                endsOn,
                organization,
                list,
                list.stream().mapToLong(CampaignCities.CityCount::events).sum());
    }
}
