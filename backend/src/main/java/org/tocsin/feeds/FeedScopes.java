package org.tocsin.feeds;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.tocsin.calendars.CalendarService;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.events.EventKind;
import org.tocsin.events.FeedSelection;
import org.tocsin.events.PersonalAgendas;
import org.tocsin.events.Tags;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.places.CityKeys;
import org.tocsin.places.PlaceService;
import org.tocsin.web.ApiProblem;
import reactor.core.publisher.Mono;

/** Turns a feed address into a {@link FeedScope}; an unknown organization, campaign or city is a 404. */
@Component
class FeedScopes {

    static final Duration REMEMBERED = Duration.ofSeconds(10);

    private final OrganizationService organizations;
    private final CampaignService campaigns;
    private final PlaceService places;
    private final CalendarService calendars;
    private final ObjectProvider<PersonalAgendas> agendas;
    private final AsyncCache<String, FeedScope> resolved = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED).maximumSize(10_000).buildAsync();

    FeedScopes(OrganizationService organizations, CampaignService campaigns, PlaceService places,
            CalendarService calendars, ObjectProvider<PersonalAgendas> agendas) {
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.places = places;
        this.calendars = calendars;
        this.agendas = agendas;
    }

    Mono<FeedScope> organization(String slug) {
        return remembered("o:" + slug, () -> organizations.findBySlug(slug)
                .map(o -> new FeedScope("o:" + o.id(), FeedSelection.organization(o.id()),
                        new CalendarMeta(o.name(), "Actions of " + o.name() + " on Tocsin",
                                "/organizations/" + o.slug(), "/feeds/organizations/" + o.slug()), true)));
    }

    Mono<FeedScope> campaign(String slug) {
        return remembered("c:" + slug, () -> campaigns.findBySlug(slug)
                .map(c -> new FeedScope("c:" + c.id(), FeedSelection.campaign(c.id()),
                        new CalendarMeta(c.name(), "Actions of the campaign " + c.name() + " in every city",
                                "/campaigns/" + c.slug(), "/feeds/campaigns/" + c.slug()), true)));
    }

    Mono<FeedScope> city(String country, String city) {
        String key = CityKeys.key(city, country);
        return remembered("p:" + key, () -> places.known(key)
                .map(c -> new FeedScope("p:" + key, FeedSelection.city(key),
                        new CalendarMeta("Actions in " + c.name(), "Vigils, rallies and marches in " + c.name()
                                + " (" + c.countryCode() + ")", "/cities/" + key, "/feeds/cities/" + key), true)));
    }

    /**
     * Public scopes found in the last few seconds. Subscribers poll the same few calendars, and a
     * database round trip per revalidation cost more than the 304 itself; a renamed organization's
     * calendar name lags by at most {@link #REMEMBERED}. Unknown addresses are not remembered.
     */
    private Mono<FeedScope> remembered(String address, Supplier<Mono<FeedScope>> resolve) {
        return Mono.fromFuture(() -> resolved.get(address, (a, executor) -> resolve.get().toFuture()), true)
                .switchIfEmpty(Mono.error(ApiProblem.notFound("Calendar")));
    }

    Mono<FeedScope> tag(String tag) {
        String normalised = Tags.normalise(tag);
        if (normalised.isEmpty()) {
            return Mono.error(ApiProblem.notFound("Calendar"));
        }
        return Mono.just(new FeedScope("t:" + normalised, FeedSelection.tag(normalised),
                new CalendarMeta("#" + normalised, "Actions tagged #" + normalised, "/?tag=" + normalised,
                        "/feeds/tags/" + normalised), true));
    }

    Mono<FeedScope> saved(String slug) {
        return calendars.saved(slug).switchIfEmpty(Mono.error(ApiProblem.notFound("Calendar")))
                .flatMap(c -> {
                    LinkedMultiValueMap<String, String> query = new LinkedMultiValueMap<>();
                    putIfPresent(query, "city", c.city());
                    putIfPresent(query, "country", c.country());
                    putIfPresent(query, "kind", c.kind());
                    putIfPresent(query, "tag", c.tag());
                    putIfPresent(query, "campaign", c.campaign());
                    putIfPresent(query, "organization", c.organization());
                    return filtered(query).map(f -> new FeedScope("s:" + c.slug() + ":" + f.key(), f.selection(),
                            new CalendarMeta(c.name(), c.name() + " on Tocsin", "/", "/feeds/calendars/" + c.slug()),
                            true));
                });
    }

    /**
     * A private feed, not cacheable by others: a person's own RSVPs, or a member's feed of an
     * organization (its events of every visibility). The token's prefix tells which.
     */
    Mono<FeedScope> privateFeed(String token) {
        PersonalAgendas personal = agendas.getIfAvailable();
        Mono<FeedScope> own = personal == null ? Mono.empty() : personal.agenda(token)
                .map(a -> new FeedScope("r:" + a.key(), a.selection(), new CalendarMeta("My actions on Tocsin",
                        "The actions you said you are going to (or might). Do not share this address.", "/",
                        "/feeds/private"), false));
        return own.switchIfEmpty(Mono.defer(() -> membersFeed(token)));
    }

    private Mono<FeedScope> membersFeed(String token) {
        return calendars.organizationOfToken(token)
                .map(o -> new FeedScope("m:" + o.id(), FeedSelection.members(o.id()),
                        new CalendarMeta(o.name() + " (members)", "All actions of " + o.name()
                                + ", members-only ones included. Do not share this address.",
                                "/organizations/" + o.slug(), "/feeds/private"), false))
                .switchIfEmpty(Mono.error(ApiProblem.notFound("Calendar")));
    }

    private static void putIfPresent(LinkedMultiValueMap<String, String> query, String key, String value) {
        if (value != null) {
            query.add(key, value);
        }
    }

    /** {@code /feeds/events.ics?city=&country=&kind=&tag=&campaign=&organization=}: an ad-hoc public calendar. */
    Mono<FeedScope> filtered(MultiValueMap<String, String> query) {
        String city = query.getFirst("city");
        String country = query.getFirst("country");
        if (city != null && country == null) {
            return Mono.error(ApiProblem.invalid("country", "is required with city"));
        }
        EventKind kind;
        try {
            kind = query.getFirst("kind") == null ? null : EventKind.valueOf(query.getFirst("kind"));
        } catch (IllegalArgumentException e) {
            return Mono.error(ApiProblem.invalid("kind", "is not a kind of event"));
        }
        String tag = query.getFirst("tag") == null ? null : Tags.normalise(query.getFirst("tag"));
        Mono<String> org = query.getFirst("organization") == null ? Mono.just("")
                : organizations.findBySlug(query.getFirst("organization")).map(o -> o.id())
                        .switchIfEmpty(Mono.error(ApiProblem.invalid("organization", "is not a known organization")));
        Mono<String> campaign = query.getFirst("campaign") == null ? Mono.just("")
                : campaigns.findBySlug(query.getFirst("campaign")).map(c -> c.id())
                        .switchIfEmpty(Mono.error(ApiProblem.invalid("campaign", "is not a known campaign")));
        String cityKey = city == null ? null : CityKeys.key(city, country);
        return Mono.zip(org, campaign).map(t -> {
            FeedSelection selection = new FeedSelection(t.getT1().isEmpty() ? null : t.getT1(),
                    t.getT2().isEmpty() ? null : t.getT2(), cityKey,
                    country == null ? null : country.toUpperCase(Locale.ROOT), tag, kind, null);
            String key = "f:" + selection;
            return new FeedScope(key, selection, new CalendarMeta("Tocsin actions", "Actions matching a search on Tocsin",
                    "/", "/feeds/events"), true);
        });
    }
}
