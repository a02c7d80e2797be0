package org.tocsin.calendars;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.campaigns.CampaignCities;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.events.EventCatalog;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.organizations.OrganizationService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The directory of public calendars, each with its feed in every format and its webcal:// link. */
@Component
class PublicCalendars {

    static final int MAX_EACH = 500;

    private final CalendarService calendars;
    private final OrganizationService organizations;
    private final CampaignService campaigns;
    private final EventCatalog catalog;
    private final PublicUrl publicUrl;

    PublicCalendars(
            CalendarService calendars,
            OrganizationService organizations,
            CampaignService campaigns,
            EventCatalog catalog,
            PublicUrl publicUrl) {
        this.calendars = calendars;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.publicUrl = publicUrl;
    }

    record Listed(String type, String name, String ics, String webcal, String json, String atom) {}

    Listed listed(String type, String name, String feedPath) {
        return new Listed(
                type,
                name,
                publicUrl.base() + feedPath + ".ics",
                publicUrl.webcal(feedPath + ".ics"),
                publicUrl.base() + feedPath + ".json",
                publicUrl.base() + feedPath + ".atom");
    }

    Mono<List<Listed>> all() {
        Flux<Listed> orgs = organizations
                .all(MAX_EACH)
                .map(o -> listed("organization", o.name(), "/feeds/organizations/" + o.slug()));
        Flux<Listed> campaignFeeds = campaigns
                .currentCampaigns(MAX_EACH)
                .map(c -> listed("campaign", c.name(), "/feeds/campaigns/" + c.slug()));
        Flux<Listed> cities = Flux.fromIterable(catalog.upcomingCities())
                .map((CampaignCities.CityCount c) ->
                        listed("city", c.city() + " (" + c.countryCode() + ")", "/feeds/cities/" + c.cityKey()));
        Flux<Listed> saved =
                calendars.allSaved(MAX_EACH).map(c -> listed("calendar", c.name(), "/feeds/calendars/" + c.slug()));
        return Flux.concat(campaignFeeds, cities, orgs, saved).collectList();
    }
}
