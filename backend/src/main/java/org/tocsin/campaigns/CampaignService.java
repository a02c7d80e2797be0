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
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Campaigns and days of action: created and edited by ORGANIZERs of the owning organization. A campaign
 * whose organization the platform's moderators took down is gone with it: every public lookup here
 * answers as for an unknown slug (its page, call, feeds, filters and the name on partners' events), and
 * only the lookups named "even if hidden" (writes, which refuse strangers as for an unknown campaign, and
 * an organization's own submissions) still find it.
 */
@Service
public class CampaignService {

    private final CampaignStore store;
    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final Takedowns takedowns;
    private final Clock clock;

    CampaignService(
            CampaignStore store,
            OrganizationService organizations,
            OrganizationAccess access,
            Takedowns takedowns,
            Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.access = access;
        this.takedowns = takedowns;
        this.clock = clock;
    }

    /** The campaign on show; empty when unknown or its organization is taken down. */
    public Mono<CampaignRef> findBySlug(String slug) {
        return shown(slug).map(CampaignService::ref);
    }

    /** For writes: an event keeps its campaign through an edit while the campaign's organization is hidden. */
    public Mono<CampaignRef> findBySlugEvenIfHidden(String slug) {
        return store.bySlug(slug).map(CampaignService::ref);
    }

    /** For writes, as {@link #findBySlugEvenIfHidden}. */
    public Mono<CampaignRef> findByIdEvenIfHidden(String id) {
        return store.byId(id).map(CampaignService::ref);
    }

    /** The campaign on show with its organization and dates; empty when unknown or hidden. */
    public Mono<CampaignHost> hostBySlug(String slug) {
        return shown(slug).map(CampaignService::host);
    }

    /**
     * Whatever the moderators hid: for an organization's own submissions, or a lookup cached longer than
     * a takedown may wait, which asks {@link #shown(CampaignHost)} at each read.
     */
    public Mono<CampaignHost> hostByIdEvenIfHidden(String id) {
        return store.byId(id).map(CampaignService::host);
    }

    /** As {@link #hostByIdEvenIfHidden}. */
    public Mono<CampaignHost> hostBySlugEvenIfHidden(String slug) {
        return store.bySlug(slug).map(CampaignService::host);
    }

    /** Whether the campaign's organization is on show: asked in memory, so a cached lookup can ask it each time. */
    public boolean shown(CampaignHost campaign) {
        return !takedowns.organizationHidden(campaign.organizationId());
    }

    /** The ids of an organization's campaigns, whatever its takedown: the events in them change with it. */
    public Flux<String> idsOf(String organizationId) {
        return store.runBy(organizationId).map(CampaignDocument::id);
    }

    private Mono<CampaignDocument> shown(String slug) {
        return store.bySlug(slug).filter(c -> !takedowns.organizationHidden(c.organizationId()));
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
                .flatMap(
                        c -> access.can(user, c.organizationId(), Permission.MANAGE_EVENTS)
                                .flatMap(
                                        allowed -> allowed
                                                ? Mono.<Void>empty()
                                                // Hidden by the moderators: to anyone outside, as if there were no such
                                                // campaign.
                                                : takedowns.organizationHidden(c.organizationId())
                                                        ? Mono.error(
                                                                Refusal.invalid("campaign", "is not a known campaign"))
                                                        : Mono.error(
                                                                Refusal.of(
                                                                        Refusal.Reason.CAMPAIGN_CLOSED,
                                                                        "Only ORGANIZERs of the organization running the campaign '"
                                                                                + c.slug()
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
        return shown(slug)
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
        return store.current(today, takedowns.hidden(Takedowns.Kind.ORGANIZATION), limit)
                .concatMap(c -> organizations.findById(c.organizationId()).map(org -> CampaignView.of(c, org, null)));
    }

    private Mono<CampaignDocument> campaign(String slug) {
        return shown(slug).switchIfEmpty(Mono.error(Refusal.notFound("Campaign")));
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
