package org.tocsin.pages;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.campaigns.CampaignCities;
import org.tocsin.campaigns.CampaignProfile;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.events.EventDiscovery;
import org.tocsin.events.EventFilters;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationProfile;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.places.CityRef;
import org.tocsin.places.PlaceService;
import org.tocsin.text.Language;
import reactor.core.publisher.Mono;

/**
 * {@code /}, {@code /cities/{country}/{city}}, {@code /organizations/{slug}} and {@code /campaigns/{slug}}
 * in HTML: what they are, their feeds, and their upcoming actions as discovery lists them to this
 * visitor ({@link EventDiscovery}, the API's own rule), paged by {@code ?cursor=}. An unknown city,
 * organization or campaign, and a cursor this server did not give out, get the not-found page.
 */
// HTML pages, not the JSON API: out of the OpenAPI document (their tests: ListPagesTest, NonInterferenceTest).
@Hidden
@RestController
class ListPagesController {

    /** Cities and campaigns listed on the home page: bounded, largest or soonest first. */
    static final int MAX_LINKS = 60;

    private static final EventFilters.Params EVERYTHING =
            new EventFilters.Params(null, null, null, null, null, null, null, null, null);

    private final EventDiscovery discovery;
    private final PlaceService places;
    private final OrganizationService organizations;
    private final CampaignService campaigns;
    private final CampaignCities campaignCities;
    private final ListPages lists;
    private final Pages pages;

    ListPagesController(
            EventDiscovery discovery,
            PlaceService places,
            OrganizationService organizations,
            CampaignService campaigns,
            CampaignCities campaignCities,
            ListPages lists,
            Pages pages) {
        this.discovery = discovery;
        this.places = places;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.campaignCities = campaignCities;
        this.lists = lists;
        this.pages = pages;
    }

    @GetMapping("/")
    Mono<ResponseEntity<String>> home(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String cursor,
            ServerWebExchange exchange) {
        Language language = Language.of(exchange.getRequest());
        PageTexts t = lists.texts();
        List<Map<String, Object>> cities = new ArrayList<>();
        discovery.cities().stream()
                .sorted((a, b) -> Long.compare(b.events(), a.events()))
                .limit(MAX_LINKS)
                .forEach(c -> cities.add(ListPages.link(
                        cityPath(c.cityKey()) + "?lang=" + language.tag(),
                        c.cityIn(language.tag()),
                        Pages.country(c.countryCode(), language) + " · " + t.count(language, "actions", c.events()))));
        return campaigns
                .currentCampaigns(MAX_LINKS)
                .map(c -> ListPages.link(
                        "/campaigns/" + ListPages.segment(c.slug()) + "?lang=" + language.tag(), c.name(), null))
                .collectList()
                .flatMap(campaignLinks -> {
                    List<Map<String, Object>> sections = new ArrayList<>();
                    if (!campaignLinks.isEmpty()) {
                        sections.add(ListPages.section(t.get(language, "campaigns"), campaignLinks));
                    }
                    if (!cities.isEmpty()) {
                        sections.add(ListPages.section(t.get(language, "cities"), cities));
                    }
                    ListPages.Content content = new ListPages.Content(
                            "/",
                            t.get(language, "home_title"),
                            t.get(language, "home_title"),
                            null,
                            t.get(language, "home_about"),
                            t.get(language, "home_about"),
                            "/feeds/events",
                            sections);
                    return list(user, EVERYTHING, content, cursor, language, exchange);
                });
    }

    @GetMapping("/cities/{country:[A-Za-z]{2}}/{city:[^.]+}")
    Mono<ResponseEntity<String>> city(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String country,
            @PathVariable String city,
            @RequestParam(required = false) String cursor,
            ServerWebExchange exchange) {
        Language language = Language.of(exchange.getRequest());
        PageTexts t = lists.texts();
        String key = country.toLowerCase(Locale.ROOT) + "/" + city;
        return places.known(key)
                .flatMap(known -> {
                    String path = cityPath(known.key());
                    String countryName = Pages.country(known.countryCode(), language);
                    String name = places.nameIn(known, language.tag());
                    ListPages.Content content = new ListPages.Content(
                            path,
                            name,
                            name,
                            countryName,
                            null,
                            t.format(language, "city_about", name, countryName),
                            "/feeds" + path,
                            List.of());
                    return list(user, cityFilter(known), content, cursor, language, exchange);
                })
                .switchIfEmpty(Mono.defer(() -> pages.notFound(exchange)));
    }

    @GetMapping("/organizations/{slug:[^.]+}")
    Mono<ResponseEntity<String>> organization(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @RequestParam(required = false) String cursor,
            ServerWebExchange exchange) {
        Language language = Language.of(exchange.getRequest());
        PageTexts t = lists.texts();
        return organizations
                .profile(slug)
                .flatMap(org -> {
                    String path = "/organizations/" + ListPages.segment(org.slug());
                    ListPages.Content content = new ListPages.Content(
                            path,
                            org.name(),
                            org.name(),
                            t.get(language, "organization"),
                            org.description(),
                            preview(org, language),
                            "/feeds" + path,
                            List.of());
                    return list(
                            user,
                            new EventFilters.Params(null, null, null, null, null, null, null, org.slug(), null),
                            content,
                            cursor,
                            language,
                            exchange);
                })
                .switchIfEmpty(Mono.defer(() -> pages.notFound(exchange)));
    }

    @GetMapping("/campaigns/{slug:[^.]+}")
    Mono<ResponseEntity<String>> campaign(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @RequestParam(required = false) String cursor,
            ServerWebExchange exchange) {
        Language language = Language.of(exchange.getRequest());
        PageTexts t = lists.texts();
        return campaigns
                .profile(slug)
                .flatMap(campaign -> campaignCities.citiesOf(campaign.id()).flatMap(cities -> {
                    String path = "/campaigns/" + ListPages.segment(campaign.slug());
                    String days = lists.days(campaign.startsOn(), campaign.endsOn(), language);
                    List<Map<String, Object>> sections = new ArrayList<>();
                    sections.add(ListPages.section(
                            t.get(language, "organizer"),
                            List.of(ListPages.link(
                                    "/organizations/" + ListPages.segment(campaign.organizationSlug()) + "?lang="
                                            + language.tag(),
                                    campaign.organizationName(),
                                    null))));
                    List<Map<String, Object>> cityLinks = new ArrayList<>();
                    cities.stream()
                            .limit(MAX_LINKS)
                            .forEach(c -> cityLinks.add(ListPages.link(
                                    c.cityKey() == null || c.countryCode() == null
                                            ? null
                                            : cityPath(c.cityKey()) + "?lang=" + language.tag(),
                                    c.countryCode() == null ? t.get(language, "online_only") : c.cityIn(language.tag()),
                                    t.count(language, "actions", c.events()))));
                    if (!cityLinks.isEmpty()) {
                        sections.add(ListPages.section(t.get(language, "cities"), cityLinks));
                    }
                    ListPages.Content content = new ListPages.Content(
                            path,
                            campaign.name(),
                            campaign.name(),
                            days,
                            campaign.description(),
                            preview(campaign, days),
                            "/feeds" + path,
                            sections);
                    return list(
                            user,
                            new EventFilters.Params(null, null, null, null, null, null, campaign.slug(), null, null),
                            content,
                            cursor,
                            language,
                            exchange);
                }))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(exchange)));
    }

    private Mono<ResponseEntity<String>> list(
            CurrentUser user,
            EventFilters.Params filter,
            ListPages.Content content,
            String cursor,
            Language language,
            ServerWebExchange exchange) {
        return discovery
                .upcoming(user, filter, cursor, ListPages.PAGE_SIZE)
                .map(found -> lists.render(language, content, found, cursor))
                // A cursor this server did not give out names no page.
                .onErrorResume(
                        Refusal.class,
                        e -> e.reason() == Refusal.Reason.INVALID ? pages.notFound(exchange) : Mono.error(e));
    }

    /** Discovery's filter for one known city: its key, as the city's feed filters it. */
    private static EventFilters.Params cityFilter(CityRef city) {
        String name = city.key().substring(city.key().indexOf('/') + 1);
        return new EventFilters.Params(name, city.countryCode(), null, null, null, null, null, null, null);
    }

    /** {@code /cities/de/berlin} for the key {@code de/berlin}, each part encoded. */
    static String cityPath(String key) {
        int slash = key.indexOf('/');
        return "/cities/" + ListPages.segment(key.substring(0, slash)) + "/"
                + ListPages.segment(key.substring(slash + 1));
    }

    private String preview(OrganizationProfile org, Language language) {
        return org.description() == null || org.description().isBlank()
                ? lists.texts().format(language, "organization_about", org.name())
                : Pages.summary(org.description());
    }

    private static String preview(CampaignProfile campaign, String days) {
        String about = campaign.description() == null || campaign.description().isBlank()
                ? null
                : Pages.summary(campaign.description());
        if (days == null) {
            return about == null ? campaign.name() : about;
        }
        return about == null ? days : days + " · " + about;
    }
}
