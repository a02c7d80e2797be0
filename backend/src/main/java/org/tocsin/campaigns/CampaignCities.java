package org.tocsin.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Where a campaign's actions take place, city by city. Implemented by the events feature, which
 * owns the events; declared here so campaigns need not depend on events' internals (and no cycle forms).
 */
public interface CampaignCities {

    /** Public, not-deleted events of the campaign, counted per city (online-only events under "online"), largest first. */
    Mono<List<CityCount>> citiesOf(String campaignId);

    /** {@code cityNames}: the city's names in other languages by tag ({@code {"fa": "تهران"}}), or null for none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CityCount(
            String city,
            String countryCode,
            String cityKey,
            Double lat,
            Double lon,
            long events,
            Map<String, String> cityNames) {

        public CityCount(String city, String countryCode, String cityKey, Double lat, Double lon, long events) {
            this(city, countryCode, cityKey, lat, lon, events, null);
        }

        public CityCount withNames(Map<String, String> names) {
            return new CityCount(city, countryCode, cityKey, lat, lon, events, names);
        }

        /** The city's name in a language ("fa"): its own name there if known, else the name events give it. */
        public String cityIn(String languageTag) {
            String named = cityNames == null ? null : cityNames.get(languageTag);
            return named != null ? named : city;
        }
    }
}
