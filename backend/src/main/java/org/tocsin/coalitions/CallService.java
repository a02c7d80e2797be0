package org.tocsin.coalitions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.campaigns.CampaignHost;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.coalitions.internal.CallDocument;
import org.tocsin.coalitions.internal.CoalitionStore;
import org.tocsin.events.Descriptions;
import org.tocsin.kernel.Refusal;
import org.tocsin.kernel.WebLinks;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A campaign's call to host an action and its partners, changed by ORGANIZER+ of the campaign's
 * organization. A campaign without a call takes no submissions.
 */
@Service
class CallService {

    /** A call as it applies: the accepted dates resolved against the campaign's. */
    record Effective(
            boolean open, LocalDate acceptsFrom, LocalDate acceptsTo, boolean reviewChanges, List<String> partners) {

        boolean accepts(LocalDate day) {
            return (acceptsFrom == null || !day.isBefore(acceptsFrom))
                    && (acceptsTo == null || !day.isAfter(acceptsTo));
        }
    }

    private final CoalitionStore store;
    private final CampaignService campaigns;
    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final Clock clock;

    CallService(
            CoalitionStore store,
            CampaignService campaigns,
            OrganizationService organizations,
            OrganizationAccess access,
            Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.access = access;
        this.clock = clock;
    }

    Mono<CampaignHost> campaign(String slug) {
        return campaigns.hostBySlug(slug).switchIfEmpty(Mono.error(Refusal.notFound("Campaign")));
    }

    /** The campaign, if the caller reviews its submissions (ORGANIZER+ of the organization running it). */
    Mono<CampaignHost> reviewed(CurrentUser user, String slug) {
        return campaign(slug)
                .flatMap(c -> access.require(user, c.organizationId(), Permission.MANAGE_EVENTS)
                        .onErrorMap(
                                Refusal.class,
                                e -> Refusal.forbidden(
                                        "Only ORGANIZERs of the organization running the campaign review its submissions"))
                        .thenReturn(c));
    }

    Mono<CallView> view(String slug) {
        return campaign(slug)
                .flatMap(c -> store.call(c.id())
                        .map(call -> view(call, c))
                        .defaultIfEmpty(
                                new CallView(false, "", "", "", List.of(), iso(c.startsOn()), iso(c.endsOn()), false)));
    }

    Mono<Effective> effective(CampaignHost c) {
        return store.call(c.id())
                .map(call -> new Effective(
                        call.open(),
                        call.acceptsFrom() != null ? LocalDate.parse(call.acceptsFrom()) : c.startsOn(),
                        call.acceptsTo() != null ? LocalDate.parse(call.acceptsTo()) : c.endsOn(),
                        call.reviewChanges(),
                        call.partners()))
                .defaultIfEmpty(new Effective(false, c.startsOn(), c.endsOn(), false, List.of()));
    }

    Mono<CallView> put(CurrentUser user, String slug, CoalitionRequests.Call request) {
        if (request.acceptsFrom() != null
                && request.acceptsTo() != null
                && request.acceptsTo().isBefore(request.acceptsFrom())) {
            return Mono.error(Refusal.invalid("acceptsTo", "must not be before acceptsFrom"));
        }
        List<CallDocument.Material> materials = new ArrayList<>();
        List<CoalitionRequests.Material> given = Objects.requireNonNullElse(request.materials(), List.of());
        for (int i = 0; i < given.size(); i++) {
            if (!WebLinks.isWebLink(given.get(i).url())) {
                return Mono.error(Refusal.invalid("materials[" + i + "].url", "must be an http or https link"));
            }
            materials.add(new CallDocument.Material(
                    given.get(i).title().strip(), given.get(i).url().strip()));
        }
        return reviewed(user, slug)
                .flatMap(c -> store.call(c.id())
                        .map(CallDocument::partners)
                        .defaultIfEmpty(List.of())
                        .flatMap(partners -> {
                            String instructions = strip(request.instructions());
                            return store.saveCall(new CallDocument(
                                    c.id(),
                                    Boolean.TRUE.equals(request.open()),
                                    instructions,
                                    Descriptions.toSafeHtml(instructions),
                                    strip(request.template()),
                                    materials,
                                    iso(request.acceptsFrom()),
                                    iso(request.acceptsTo()),
                                    Boolean.TRUE.equals(request.reviewChanges()),
                                    partners,
                                    clock.instant()));
                        })
                        .map(saved -> view(saved, c)));
    }

    Mono<CallPreview> preview(CurrentUser user, String slug, CoalitionRequests.Preview request) {
        return reviewed(user, slug).map(c -> new CallPreview(Descriptions.toSafeHtml(strip(request.instructions()))));
    }

    Flux<PartnerView> partners(CurrentUser user, String slug) {
        return reviewed(user, slug)
                .flatMap(c -> store.call(c.id()).map(CallDocument::partners).defaultIfEmpty(List.of()))
                .flatMapMany(Flux::fromIterable)
                .concatMap(organizations::findById)
                .map(o -> new PartnerView(o.slug(), o.name()));
    }

    Flux<PartnerView> putPartners(CurrentUser user, String slug, CoalitionRequests.Partners request) {
        List<String> slugs = List.copyOf(new LinkedHashSet<>(request.organizations()));
        return reviewed(user, slug)
                .flatMap(c -> Flux.fromIterable(slugs)
                        .index()
                        .concatMap(i -> organizations
                                .findBySlug(i.getT2())
                                .switchIfEmpty(Mono.error(Refusal.invalid(
                                        "organizations[" + i.getT1() + "]", "is not a known organization"))))
                        .collectList()
                        .flatMap(orgs -> store.call(c.id())
                                .defaultIfEmpty(new CallDocument(
                                        c.id(), false, "", "", "", List.of(), null, null, false, List.of(), null))
                                .flatMap(call -> store.saveCall(new CallDocument(
                                        call.id(),
                                        call.open(),
                                        call.instructions(),
                                        call.instructionsHtml(),
                                        call.template(),
                                        call.materials(),
                                        call.acceptsFrom(),
                                        call.acceptsTo(),
                                        call.reviewChanges(),
                                        orgs.stream().map(OrganizationRef::id).toList(),
                                        clock.instant())))
                                .thenReturn(orgs)))
                .flatMapMany(Flux::fromIterable)
                .map(o -> new PartnerView(o.slug(), o.name()));
    }

    record PartnerView(String slug, String name) {}

    private static CallView view(CallDocument call, CampaignHost c) {
        return new CallView(
                call.open(),
                call.instructions(),
                call.instructionsHtml(),
                call.template(),
                call.materials(),
                call.acceptsFrom() != null ? call.acceptsFrom() : iso(c.startsOn()),
                call.acceptsTo() != null ? call.acceptsTo() : iso(c.endsOn()),
                call.reviewChanges());
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
