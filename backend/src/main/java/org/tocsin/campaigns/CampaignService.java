package org.tocsin.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.campaigns.internal.CampaignDocument;
import org.tocsin.campaigns.internal.CampaignStore;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Campaigns and days of action: created and edited by ORGANIZERs of the owning organization. */
@Service
public class CampaignService {

    private final CampaignStore store;
    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final Clock clock;

    CampaignService(CampaignStore store, OrganizationService organizations, OrganizationAccess access, Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.access = access;
        this.clock = clock;
    }

    public Mono<CampaignRef> findBySlug(String slug) {
        return store.bySlug(slug).map(CampaignService::ref);
    }

    public Mono<CampaignRef> findById(String id) {
        return store.byId(id).map(CampaignService::ref);
    }

    /** The campaign with its organization and dates; empty when there is no such campaign. */
    public Mono<CampaignHost> hostBySlug(String slug) {
        return store.bySlug(slug).map(CampaignService::host);
    }

    public Mono<CampaignHost> hostById(String id) {
        return store.byId(id).map(CampaignService::host);
    }

    private static CampaignHost host(CampaignDocument c) {
        return new CampaignHost(c.id(), c.slug(), c.name(), c.organizationId(), c.startDate(), c.endDate());
    }

    /**
     * Completes when the caller may put an event into this campaign, else fails with a 403
     * {@code /problems/campaign-closed}. A campaign's page, counts, feeds and partners' widgets show its
     * events at once, so a stranger's event in it would speak in the campaign's name (a decoy "vigil" in
     * a trusted coalition's day of action). So only the ORGANIZERs (and above) of the organization that
     * runs it add events to it directly; everyone else submits (coalitions), and the campaign's organizers
     * approve.
     */
    public Mono<Void> requireMayAddEvents(CurrentUser user, String campaignId) {
        return store.byId(campaignId)
                .switchIfEmpty(Mono.error(Refusal.invalid("campaign", "is not a known campaign")))
                .flatMap(c -> access.can(user, c.organizationId(), Permission.MANAGE_EVENTS)
                        .flatMap(allowed -> allowed
                                ? Mono.<Void>empty()
                                : Mono.error(Refusal.of(
                                        Refusal.Reason.CAMPAIGN_CLOSED,
                                        "Only ORGANIZERs of the organization running the campaign '" + c.slug()
                                                + "' add events to it; ask them to add yours or to invite you"))));
    }

    public Mono<CampaignRef> createCampaign(
            CurrentUser user,
            String name,
            String slug,
            String description,
            LocalDate startsOn,
            LocalDate endsOn,
            String organization) {
        return create(user, new CampaignRequests.Create(name, slug, description, startsOn, endsOn, organization))
                .map(v -> new CampaignRef(v.id(), v.slug(), v.name()));
    }

    Mono<CampaignView> create(CurrentUser user, CampaignRequests.Create request) {
        Instant now = clock.instant();
        if (request.startsOn() != null
                && request.endsOn() != null
                && request.endsOn().isBefore(request.startsOn())) {
            return Mono.error(Refusal.invalid("endsOn", "must not be before startsOn"));
        }
        return organization(request.organization())
                .flatMap(org ->
                        access.require(user, org.id(), Permission.MANAGE_EVENTS).thenReturn(org))
                .flatMap(org -> store.insert(new CampaignDocument(
                                Ids.newId(),
                                request.slug(),
                                request.name().strip(),
                                blankToEmpty(request.description()),
                                iso(request.startsOn()),
                                iso(request.endsOn()),
                                org.id(),
                                now,
                                now))
                        .onErrorMap(
                                DuplicateKeyException.class,
                                e -> Refusal.of(
                                        Refusal.Reason.SLUG_TAKEN,
                                        "The campaign slug '" + request.slug() + "' is taken"))
                        .map(c -> CampaignView.of(c, org, null)));
    }

    Mono<CampaignView> update(CurrentUser user, String slug, CampaignRequests.Update request) {
        return campaign(slug)
                .flatMap(c -> organizations
                        .findById(c.organizationId())
                        .flatMap(org -> access.require(user, org.id(), Permission.MANAGE_EVENTS)
                                .then(Mono.defer(() -> {
                                    LocalDate starts = request.startsOn() != null ? request.startsOn() : c.startDate();
                                    LocalDate ends = request.endsOn() != null ? request.endsOn() : c.endDate();
                                    if (starts != null && ends != null && ends.isBefore(starts)) {
                                        return Mono.error(Refusal.invalid("endsOn", "must not be before startsOn"));
                                    }
                                    return store.save(new CampaignDocument(
                                            c.id(),
                                            c.slug(),
                                            request.name() != null
                                                    ? request.name().strip()
                                                    : c.name(),
                                            request.description() != null
                                                    ? request.description().strip()
                                                    : c.description(),
                                            iso(starts),
                                            iso(ends),
                                            c.organizationId(),
                                            c.createdAt(),
                                            clock.instant()));
                                }))
                                .map(saved -> CampaignView.of(saved, org, null))));
    }

    Mono<CampaignView> view(String slug) {
        return campaign(slug)
                .flatMap(c -> organizations.findById(c.organizationId()).map(org -> CampaignView.of(c, org, null)));
    }

    /** The public face of the campaign named by {@code slug}; empty when there is none. */
    public Mono<CampaignProfile> profile(String slug) {
        return store.bySlug(slug)
                .flatMap(c -> organizations
                        .findById(c.organizationId())
                        .map(org -> new CampaignProfile(
                                c.id(),
                                c.slug(),
                                c.name(),
                                c.description(),
                                c.startsOn(),
                                c.endsOn(),
                                org.slug(),
                                org.name())));
    }

    /** Campaigns that have not ended, soonest first, as other features refer to them. */
    public Flux<CampaignRef> currentCampaigns(int limit) {
        return current(limit).map(v -> new CampaignRef(v.id(), v.slug(), v.name()));
    }

    Flux<CampaignView> current(int limit) {
        String today =
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1).toString();
        return store.current(today, limit)
                .concatMap(c -> organizations.findById(c.organizationId()).map(org -> CampaignView.of(c, org, null)));
    }

    private Mono<CampaignDocument> campaign(String slug) {
        return store.bySlug(slug).switchIfEmpty(Mono.error(Refusal.notFound("Campaign")));
    }

    private Mono<OrganizationRef> organization(String slug) {
        return organizations
                .findBySlug(slug)
                .switchIfEmpty(Mono.error(Refusal.invalid("organization", "is not a known organization")));
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static CampaignRef ref(CampaignDocument c) {
        return new CampaignRef(c.id(), c.slug(), c.name());
    }

    /** The ids of the campaigns an organization runs: what deleting the organization takes with it. */
    public Flux<String> idsRunBy(String organizationId) {
        return store.runBy(organizationId).map(CampaignDocument::id);
    }
}
