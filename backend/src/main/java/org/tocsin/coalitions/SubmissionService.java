package org.tocsin.coalitions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.audit.AuditAction;
import org.tocsin.audit.AuditLog;
import org.tocsin.campaigns.CampaignHost;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.coalitions.internal.CoalitionStore;
import org.tocsin.coalitions.internal.SubmissionDocument;
import org.tocsin.events.CampaignLinks;
import org.tocsin.events.Visibility;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Submissions of events to campaigns. Any organization's ORGANIZER submits one of its PUBLIC events
 * while the campaign's call is open and the event falls in the dates it accepts; the campaign's
 * organization and its partners are approved at once, everyone else waits for an ORGANIZER+ of the
 * campaign's organization. Only an approval links the event to the campaign ({@link CampaignLinks}).
 */
@Service
class SubmissionService {

    /** Bounds a flood: what one campaign holds, and what one organization may put into it. */
    static final int MAX_PER_CAMPAIGN = 5_000;

    static final int MAX_PER_ORGANIZATION = 300;
    static final int MAX_QUEUE_PAGE = 200;
    static final int MAX_HISTORY_READ = 20_000;

    private final CoalitionStore store;
    private final CallService calls;
    private final CampaignService campaigns;
    private final CampaignLinks links;
    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final SubmissionMail mail;
    private final SubmissionNotices notices;
    private final AuditLog audit;
    private final Clock clock;

    SubmissionService(
            CoalitionStore store,
            CallService calls,
            CampaignService campaigns,
            CampaignLinks links,
            OrganizationService organizations,
            OrganizationAccess access,
            SubmissionMail mail,
            SubmissionNotices notices,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.calls = calls;
        this.campaigns = campaigns;
        this.links = links;
        this.organizations = organizations;
        this.access = access;
        this.mail = mail;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<SubmissionView> submit(CurrentUser user, String slug, CoalitionRequests.Submit request) {
        return calls.campaign(slug)
                .flatMap(campaign -> links.managed(user, request.event())
                        .flatMap(event -> calls.effective(campaign).flatMap(call -> {
                            if (!call.open()) {
                                return Mono.error(Refusal.of(
                                        Refusal.Reason.CAMPAIGN_CLOSED,
                                        "The campaign '" + campaign.slug()
                                                + "' does not take submissions at the moment"));
                            }
                            if (event.visibility() != Visibility.PUBLIC) {
                                return Mono.error(Refusal.invalid(
                                        "event",
                                        "only a PUBLIC event can join a campaign: its page and feeds are public"));
                            }
                            if (!call.accepts(event.startDate())) {
                                return Mono.error(Refusal.invalid(
                                        "event",
                                        "starts on " + event.startDate() + "; the campaign accepts actions "
                                                + range(call.acceptsFrom(), call.acceptsTo())));
                            }
                            if (event.campaignId() != null) {
                                return Mono.error(Refusal.of(
                                        Refusal.Reason.CONFLICT,
                                        "The event is already in a campaign; an event belongs to one campaign at a"
                                                + " time"));
                            }
                            boolean trusted = campaign.organizationId().equals(event.organizationId())
                                    || call.partners().contains(event.organizationId());
                            return withinLimits(campaign, event.organizationId())
                                    .then(Mono.defer(() -> insert(user, campaign, event, trusted)))
                                    .flatMap(saved -> notices.publish(
                                                    notice(SubmissionNotices.Kind.RECEIVED, saved, campaign))
                                            .thenReturn(saved))
                                    .flatMap(saved -> (trusted
                                                    ? links.link(event.id(), campaign.id())
                                                    : Mono.<Void>empty())
                                            .then(audited(
                                                    saved,
                                                    campaign,
                                                    user.id(),
                                                    AuditAction.SUBMISSION_SENT,
                                                    event.title()))
                                            .then(view(saved, campaign, event)));
                        })));
    }

    private Mono<SubmissionDocument> insert(
            CurrentUser user, CampaignHost campaign, CampaignLinks.Summary event, boolean trusted) {
        var now = clock.instant();
        return store.insert(new SubmissionDocument(
                        Ids.newId(),
                        campaign.id(),
                        event.id(),
                        event.organizationId(),
                        user.id(),
                        trusted ? SubmissionState.APPROVED : SubmissionState.PENDING,
                        null,
                        null,
                        now,
                        trusted ? now : null))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> Refusal.of(Refusal.Reason.CONFLICT, "The event was already submitted to this campaign"));
    }

    private Mono<Void> withinLimits(CampaignHost campaign, String organizationId) {
        return Mono.zip(store.count(campaign.id(), null, null), store.count(campaign.id(), organizationId, null))
                .flatMap(counts -> counts.getT1() >= MAX_PER_CAMPAIGN || counts.getT2() >= MAX_PER_ORGANIZATION
                        ? Mono.error(Refusal.of(
                                Refusal.Reason.CONFLICT,
                                "The campaign holds as many submissions as it can"
                                        + (counts.getT2() >= MAX_PER_ORGANIZATION ? " from your organization" : "")))
                        : Mono.empty());
    }

    /** The review queue: filters by state, city (key such as de/berlin, or name) and local start day. */
    Mono<List<SubmissionView>> queue(
            CurrentUser user,
            String slug,
            SubmissionState state,
            String city,
            LocalDate from,
            LocalDate to,
            int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_QUEUE_PAGE));
        return calls.reviewed(user, slug)
                .flatMap(campaign -> store.ofCampaign(campaign.id(), state, MAX_PER_CAMPAIGN)
                        .collectList()
                        .flatMap(submissions -> links.summaries(submissions.stream()
                                        .map(SubmissionDocument::eventId)
                                        .toList())
                                .collectMap(CampaignLinks.Summary::id)
                                .flatMap(events -> {
                                    List<SubmissionDocument> shown = submissions.stream()
                                            .filter(s -> events.containsKey(s.eventId()))
                                            .filter(s -> matches(events.get(s.eventId()), city, from, to))
                                            .sorted(Comparator.comparing(
                                                            (SubmissionDocument s) -> events.get(s.eventId())
                                                                    .startUtc())
                                                    .thenComparing(SubmissionDocument::id))
                                            .limit(bounded)
                                            .toList();
                                    return enrich(shown, campaign, events, true);
                                })));
    }

    private static boolean matches(CampaignLinks.Summary event, String city, LocalDate from, LocalDate to) {
        if (city != null && !city.isBlank()) {
            String wanted = city.strip().toLowerCase(Locale.ROOT);
            boolean online = wanted.equals("online") && event.cityKey() == null;
            if (!online
                    && !wanted.equals(event.cityKey())
                    && (event.city() == null || !wanted.equals(event.city().toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        return (from == null || !event.startDate().isBefore(from))
                && (to == null || !event.startDate().isAfter(to));
    }

    private Mono<List<SubmissionView>> enrich(
            List<SubmissionDocument> shown,
            CampaignHost campaign,
            Map<String, CampaignLinks.Summary> events,
            boolean withHistory) {
        Set<String> orgIds =
                shown.stream().map(SubmissionDocument::organizationId).collect(Collectors.toSet());
        Mono<Map<String, SubmissionView.History>> histories = withHistory && !orgIds.isEmpty()
                ? store.byOrganizations(orgIds, MAX_HISTORY_READ).collectList().map(SubmissionService::histories)
                : Mono.just(Map.of());
        Mono<Map<String, OrganizationRef>> orgs = Flux.fromIterable(orgIds)
                .concatMap(organizations::findById)
                .collectMap(OrganizationRef::id, Function.identity());
        return Mono.zip(histories, orgs)
                .map(t -> shown.stream()
                        .map(s -> SubmissionView.of(
                                s,
                                new SubmissionView.Named(campaign.slug(), campaign.name()),
                                events.get(s.eventId()),
                                named(t.getT2().get(s.organizationId())),
                                t.getT1().get(s.organizationId())))
                        .toList());
    }

    private static Map<String, SubmissionView.History> histories(List<SubmissionDocument> all) {
        Map<String, long[]> counts = new HashMap<>();
        for (SubmissionDocument s : all) {
            counts.computeIfAbsent(s.organizationId(), o -> new long[3])[
                    s.state().ordinal()]++;
        }
        Map<String, SubmissionView.History> result = new HashMap<>();
        counts.forEach((org, c) -> result.put(org, new SubmissionView.History(c[0], c[1], c[2])));
        return result;
    }

    private static SubmissionView.Named named(OrganizationRef org) {
        return org == null ? null : new SubmissionView.Named(org.slug(), org.name());
    }

    Mono<SubmissionView> approve(CurrentUser user, String slug, String id) {
        return calls.reviewed(user, slug).flatMap(campaign -> approve(user, campaign, id));
    }

    /** Approves each in turn; those already decided elsewhere or gone are left out of the answer. */
    Mono<List<SubmissionView>> approveAll(CurrentUser user, String slug, CoalitionRequests.Bulk request) {
        return calls.reviewed(user, slug)
                .flatMap(campaign -> Flux.fromIterable(new HashSet<>(request.ids()))
                        .concatMap(id -> approve(user, campaign, id).onErrorResume(Refusal.class, e -> Mono.empty()))
                        .collectList());
    }

    private Mono<SubmissionView> approve(CurrentUser user, CampaignHost campaign, String id) {
        return store.submission(campaign.id(), id)
                .switchIfEmpty(Mono.error(Refusal.notFound("Submission")))
                .flatMap(s -> s.state() == SubmissionState.APPROVED
                        ? Mono.just(s)
                        : inNoOtherCampaign(s, campaign)
                                .then(store.transition(
                                        id, s.state(), SubmissionState.APPROVED, null, user.id(), clock.instant()))
                                .switchIfEmpty(Mono.error(Refusal.of(
                                        Refusal.Reason.CONFLICT, "Someone else decided on this submission just now")))
                                .flatMap(saved -> links.link(saved.eventId(), campaign.id())
                                        .then(told(saved, campaign))
                                        .thenReturn(saved)))
                .flatMap(saved -> viewOne(saved, campaign));
    }

    /** An event is in one campaign at a time: approving it here must not take it out of another. */
    private Mono<Void> inNoOtherCampaign(SubmissionDocument s, CampaignHost campaign) {
        return links.summaries(List.of(s.eventId()))
                .filter(e -> e.campaignId() != null && !e.campaignId().equals(campaign.id()))
                .next()
                .flatMap(e -> Mono.error(Refusal.of(
                        Refusal.Reason.CONFLICT, "The event has joined another campaign since it was submitted")));
    }

    Mono<SubmissionView> decline(CurrentUser user, String slug, String id, CoalitionRequests.Decline request) {
        return calls.reviewed(user, slug)
                .flatMap(campaign -> store.submission(campaign.id(), id)
                        .switchIfEmpty(Mono.error(Refusal.notFound("Submission")))
                        .flatMap(s -> s.state() == SubmissionState.DECLINED
                                ? Mono.error(Refusal.of(Refusal.Reason.CONFLICT, "The submission is already declined"))
                                : store.transition(
                                                id,
                                                s.state(),
                                                SubmissionState.DECLINED,
                                                request.reason().strip(),
                                                user.id(),
                                                clock.instant())
                                        .switchIfEmpty(Mono.error(Refusal.of(
                                                Refusal.Reason.CONFLICT,
                                                "Someone else decided on this submission just now"))))
                        // Declining an approved one takes the event out of the campaign again.
                        .flatMap(saved -> links.unlink(saved.eventId(), campaign.id())
                                .then(told(saved, campaign))
                                .then(viewOne(saved, campaign))));
    }

    /** The submitting organization's ORGANIZER+ withdraws: the event leaves the campaign if it was in it. */
    Mono<Void> withdraw(CurrentUser user, String slug, String id) {
        return calls.campaign(slug)
                .flatMap(campaign -> store.submission(campaign.id(), id)
                        .filterWhen(s -> access.can(user, s.organizationId(), Permission.MANAGE_EVENTS))
                        .switchIfEmpty(Mono.error(Refusal.notFound("Submission")))
                        .flatMap(s -> links.unlink(s.eventId(), campaign.id())
                                .then(store.delete(s))
                                .then(audited(s, campaign, user.id(), AuditAction.SUBMISSION_WITHDRAWN, null))));
    }

    /** What an organization submitted, newest first: its dashboard. ORGANIZER+ of it only. */
    Mono<List<SubmissionView>> ofOrganization(CurrentUser user, String organizationSlug) {
        return organizations
                .findBySlug(organizationSlug)
                .switchIfEmpty(Mono.error(Refusal.notFound("Organization")))
                .flatMap(org -> access.require(user, org.id(), Permission.MANAGE_EVENTS)
                        .then(store.ofOrganization(org.id(), MAX_QUEUE_PAGE).collectList())
                        .flatMap(submissions -> links.summaries(submissions.stream()
                                        .map(SubmissionDocument::eventId)
                                        .toList())
                                .collectMap(CampaignLinks.Summary::id)
                                .flatMap(events -> Flux.fromIterable(submissions)
                                        .concatMap(s -> campaigns
                                                .hostByIdEvenIfHidden(s.campaignId())
                                                .map(c -> SubmissionView.of(
                                                        s,
                                                        new SubmissionView.Named(c.slug(), c.name()),
                                                        events.get(s.eventId()),
                                                        new SubmissionView.Named(org.slug(), org.name()),
                                                        null)))
                                        .collectList())));
    }

    /**
     * An approved event's time or place changed: if its campaign asks for it, and the event is not the
     * campaign's own or a partner's, it leaves the campaign until approved again.
     */
    Mono<Void> rescheduled(String eventId) {
        return store.ofEvent(eventId)
                .filter(s -> s.state() == SubmissionState.APPROVED)
                .concatMap(s -> campaigns
                        .hostByIdEvenIfHidden(s.campaignId())
                        .flatMap(campaign -> calls.effective(campaign)
                                .filter(call -> call.reviewChanges()
                                        && !campaign.organizationId().equals(s.organizationId())
                                        && !call.partners().contains(s.organizationId()))
                                .flatMap(call -> store.transition(
                                        s.id(),
                                        SubmissionState.APPROVED,
                                        SubmissionState.PENDING,
                                        null,
                                        null,
                                        clock.instant()))
                                .flatMap(saved ->
                                        links.unlink(eventId, campaign.id()).then(told(saved, campaign)))))
                .then();
    }

    private static SubmissionNotices.Notice notice(
            SubmissionNotices.Kind kind, SubmissionDocument s, CampaignHost campaign) {
        return new SubmissionNotices.Notice(
                kind,
                s.id(),
                campaign.slug(),
                campaign.organizationId(),
                s.eventId(),
                s.organizationId(),
                s.state(),
                s.decidedAt() != null ? s.decidedAt() : s.submittedAt());
    }

    /** Every decision (approved, declined, back to review after a change) is told by mail and to webhooks. */
    private Mono<Void> told(SubmissionDocument s, CampaignHost campaign) {
        AuditAction action = switch (s.state()) {
            case APPROVED -> AuditAction.SUBMISSION_APPROVED;
            case DECLINED -> AuditAction.SUBMISSION_DECLINED;
            default -> AuditAction.SUBMISSION_SENT;
        };
        return notices.publish(notice(SubmissionNotices.Kind.DECIDED, s, campaign))
                .then(mailedAndAudited(s, campaign, action));
    }

    /** Told to the submitters by mail, and recorded in both organizations' logs. */
    private Mono<Void> mailedAndAudited(SubmissionDocument s, CampaignHost campaign, AuditAction action) {
        return links.summaries(List.of(s.eventId()))
                .next()
                .map(CampaignLinks.Summary::title)
                .defaultIfEmpty("")
                .flatMap(title -> mail.decided(s, campaign, title.isEmpty() ? null : title)
                        .then(audited(s, campaign, s.decidedBy(), action, title.isEmpty() ? null : title)));
    }

    /** In the campaign's log (its organization's, naming the campaign) and in the submitting organization's. */
    private Mono<Void> audited(
            SubmissionDocument s, CampaignHost campaign, String actorId, AuditAction action, String title) {
        AuditLog.Record entry = AuditLog.Record.of(
                        campaign.organizationId(), actorId, action, "SUBMISSION", s.id(), title)
                .inCampaign(campaign.id());
        return audit.record(entry)
                .then(
                        s.organizationId().equals(campaign.organizationId())
                                ? Mono.empty()
                                : audit.record(new AuditLog.Record(
                                        s.organizationId(),
                                        campaign.id(),
                                        actorId,
                                        action,
                                        "SUBMISSION",
                                        s.id(),
                                        null,
                                        title)));
    }

    private Mono<SubmissionView> viewOne(SubmissionDocument s, CampaignHost campaign) {
        return links.summaries(List.of(s.eventId()))
                .collectMap(CampaignLinks.Summary::id)
                .flatMap(events -> enrich(List.of(s), campaign, events, true))
                .map(List::getFirst);
    }

    private Mono<SubmissionView> view(SubmissionDocument s, CampaignHost campaign, CampaignLinks.Summary event) {
        return enrich(List.of(s), campaign, Map.of(event.id(), event), false).map(List::getFirst);
    }

    private static String range(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "on any date";
        }
        if (from == null) {
            return "until " + to;
        }
        return to == null ? "from " + from : "from " + from + " to " + to;
    }
}
