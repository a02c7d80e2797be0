package org.tocsin.campaigns;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Where a campaign's actions take place, city by city. Implemented by the events feature, which
 * owns the events; declared here so campaigns need not depend on events' internals (and no cycle forms).
 */
public interface CampaignCities {

    /** Public, not-deleted events of the campaign, counted per city (online-only events under "online"), largest first. */
    Mono<List<CityCount>> citiesOf(String campaignId);

    record CityCount(String city, String countryCode, String cityKey, Double lat, Double lon, long events) {}
}
