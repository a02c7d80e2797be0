package org.tocsin.feeds;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.tocsin.calendars.CalendarService;
import org.tocsin.calendars.PrivateCalendars;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.events.EventFilters;
import org.tocsin.events.FeedSelection;
import org.tocsin.events.Tags;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.places.CityKeys;
import org.tocsin.places.PlaceService;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Mono;

/** Turns a feed address into a {@link FeedScope}; an unknown organization, campaign or city is a 404. */
@Component
class FeedScopes {

    static final Duration REMEMBERED = Duration.ofSeconds(10);

    private final OrganizationService organizations;
    private final CampaignService campaigns;
    private final PlaceService places;
    private final CalendarService calendars;
    private final PrivateCalendars privateCalendars;
    private final EventFilters filters;
    private final Takedowns takedowns;
    private final AsyncCache<String, Remembered> resolved = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED)
            .maximumSize(10_000)
            .buildAsync();

    FeedScopes(
            OrganizationService organizations,
            CampaignService campaigns,
            PlaceService places,
            CalendarService calendars,
            PrivateCalendars privateCalendars,
            EventFilters filters,
            Takedowns takedowns) {
        this.takedowns = takedowns;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.places = places;
        this.calendars = calendars;
        this.privateCalendars = privateCalendars;
        this.filters = filters;
    }

    Mono<FeedScope> organization(String slug) {
        return remembered(
                "o:" + slug,
                () -> organizations
                        .profile(slug)
                        .map(o -> new Remembered(
                                new FeedScope(
                                        "o:" + o.id(),
                                        FeedSelection.organization(o.id()),
                                        new CalendarMeta(
                                                o.name(),
                                                "Actions of " + o.name() + " on Tocsin",
                                                "/organizations/" + o.slug(),
                                                "/feeds/organizations/" + o.slug(),
                                                CalendarMeta.Wording.of(null, "feed_about_organization", o.name())),
                                        true),
                                o.id())));
    }

    Mono<FeedScope> campaign(String slug) {
        return remembered(
                "c:" + slug,
                () -> campaigns
                        .hostBySlugEvenIfHidden(slug)
                        .map(c -> new Remembered(
                                new FeedScope(
                                        "c:" + c.id(),
                                        FeedSelection.campaign(c.id()),
                                        new CalendarMeta(
                                                c.name(),
                                                "Actions of the campaign " + c.name() + " in every city",
                                                "/campaigns/" + c.slug(),
                                                "/feeds/campaigns/" + c.slug(),
                                                CalendarMeta.Wording.of(null, "feed_about_campaign", c.name())),
                                        true),
                                c.organizationId())));
    }

    Mono<FeedScope> city(String country, String city) {
        String key = CityKeys.key(city, country);
        return remembered(
                "p:" + key,
                () -> places.known(key)
                        .map(c -> Remembered.always(new FeedScope(
                                "p:" + key,
                                FeedSelection.city(key),
                                new CalendarMeta(
                                        "Actions in " + c.name(),
                                        "Vigils, rallies and marches in " + c.name() + " (" + c.countryCode() + ")",
                                        "/cities/" + key,
                                        "/feeds/cities/" + key,
                                        cityWording(c.name(), c.countryCode(), places.names(key))),
                                true))));
    }

    /** A city's feed is named with the city's own name in each language the gazetteer has one for. */
    private static CalendarMeta.Wording cityWording(String city, String country, Map<String, String> cityNames) {
        return new CalendarMeta.Wording(
                "feed_city_name",
                "feed_about_city",
                List.of(city, country),
                cityNames == null ? Map.of() : Map.of(city, cityNames));
    }

    /**
     * A resolved public feed and the organization whose takedown hides it (null for a city), asked at every
     * read: a feed of an organization or campaign the moderators hid is a 404 at once, not when this expires.
     */
    private record Remembered(FeedScope scope, String runBy) {
        static Remembered always(FeedScope scope) {
            return new Remembered(scope, null);
        }
    }

    /**
     * Public scopes found in the last few seconds. Subscribers poll the same few calendars, and a
     * database round trip per revalidation cost more than the 304 itself; a renamed organization's
     * calendar name lags by at most {@link #REMEMBERED}. Unknown addresses are not remembered.
     */
    private Mono<FeedScope> remembered(String address, Supplier<Mono<Remembered>> resolve) {
        return Mono.fromFuture(
                        () -> resolved.get(
                                address, (a, executor) -> resolve.get().toFuture()),
                        true)
                .filter(r -> r.runBy() == null || !takedowns.organizationHidden(r.runBy()))
                .map(Remembered::scope)
                .switchIfEmpty(Mono.error(Refusal.notFound("Calendar")));
    }

    Mono<FeedScope> tag(String tag) {
        String normalised = Tags.normalise(tag);
        if (normalised.isEmpty()) {
            return Mono.error(Refusal.notFound("Calendar"));
        }
        return Mono.just(new FeedScope(
                "t:" + normalised,
                FeedSelection.tag(normalised),
                new CalendarMeta(
                        "#" + normalised,
                        "Actions tagged #" + normalised,
                        "/?tag=" + normalised,
                        "/feeds/tags/" + normalised,
                        CalendarMeta.Wording.of(null, "feed_about_tag", normalised)),
                true));
    }

    /**
     * A saved calendar's filter, bound by the same binder as when it was saved, never turned back into a
     * query string. An organization or campaign it names that no longer resolves matches nothing: the
     * calendar app asked for a calendar that exists, and an empty one is what it can show.
     */
    Mono<FeedScope> saved(String slug) {
        return calendars
                .saved(slug)
                .switchIfEmpty(Mono.error(Refusal.notFound("Calendar")))
                .flatMap(c -> filters.resolve(
                                new EventFilters.Params(
                                        c.city(),
                                        c.country(),
                                        null,
                                        null,
                                        c.kind(),
                                        c.tag(),
                                        c.campaign(),
                                        c.organization(),
                                        null,
                                        c.accessibility(),
                                        c.language()),
                                "",
                                EventFilters.Unknown.MATCHES_NOTHING)
                        .map(FeedSelection::of)
                        .map(selection -> new FeedScope(
                                "s:" + c.slug() + ":f:" + selection,
                                selection,
                                new CalendarMeta(
                                        c.name(),
                                        c.name() + " on Tocsin",
                                        "/",
                                        "/feeds/calendars/" + c.slug(),
                                        CalendarMeta.Wording.of(null, "feed_about_saved", c.name())),
                                true)));
    }

    /**
     * A private feed, not cacheable by others: a person's own RSVPs, or a member's feed of an
     * organization (its events of every visibility). The calendars feature tells which from the token.
     */
    Mono<FeedScope> privateFeed(String token) {
        return privateCalendars
                .byToken(token)
                .map(calendar -> switch (calendar) {
                    case PrivateCalendars.Personal(String key, FeedSelection selection) ->
                        new FeedScope(
                                "r:" + key,
                                selection,
                                new CalendarMeta(
                                        "My actions on Tocsin",
                                        "The actions you said you are going to (or might). Do not share this address.",
                                        "/",
                                        "/feeds/private"),
                                false);
                    case PrivateCalendars.Members(OrganizationRef o) ->
                        new FeedScope(
                                "m:" + o.id(),
                                FeedSelection.members(o.id()),
                                new CalendarMeta(
                                        o.name() + " (members)",
                                        "All actions of " + o.name()
                                                + ", members-only ones included. Do not share this address.",
                                        "/organizations/" + o.slug(),
                                        "/feeds/private"),
                                false);
                })
                .switchIfEmpty(Mono.error(Refusal.notFound("Calendar")));
    }

    /**
     * {@code /feeds/events.ics?city=&country=&near=&radiusKm=&kind=&tag=&campaign=&organization=&q=}: an
     * ad-hoc public calendar, filtered as discovery filters. Naming an organization or campaign that does
     * not exist is a 400: a feed address is written once and polled for months, and a typo must show.
     */
    Mono<FeedScope> filtered(MultiValueMap<String, String> query) {
        return Mono.defer(() -> filters.resolve(EventFilters.Params.of(query), "", EventFilters.Unknown.INVALID))
                .map(FeedSelection::of)
                .map(selection -> new FeedScope(
                        "f:" + selection,
                        selection,
                        new CalendarMeta("Tocsin actions", "Actions matching a search on Tocsin", "/", "/feeds/events"),
                        true));
    }
}
