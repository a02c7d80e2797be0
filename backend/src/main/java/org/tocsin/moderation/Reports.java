package org.tocsin.moderation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.events.EventLookup;
import org.tocsin.kernel.Refusal;
import org.tocsin.moderation.internal.ReportDocument;
import org.tocsin.moderation.internal.ReportStore;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.storage.Ids;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Mono;

/**
 * Taking reports and showing them to the moderators. A report is accepted only about something the
 * reporter can see (an unknown or hidden target is the usual 404), and its answer is the same whether it
 * was stored or not: past {@link #MAX_OPEN_PER_TARGET} open reports about one target, more are not kept
 * (a flood neither fills the database nor buries other reports).
 */
@Service
public class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);
    static final int MAX_OPEN_PER_TARGET = 50;
    static final int MAX_QUEUE = 500;
    /** Dismissed and settled reports stay this long in the queue's history. */
    static final Duration SETTLED_KEPT = Duration.ofDays(180);

    private final ReportStore store;
    private final EventLookup events;
    private final OrganizationService organizations;
    private final CampaignService campaigns;
    private final Takedowns takedowns;
    private final Clock clock;

    Reports(
            ReportStore store,
            EventLookup events,
            OrganizationService organizations,
            CampaignService campaigns,
            Takedowns takedowns,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.takedowns = takedowns;
        this.clock = clock;
    }

    private record Target(String id, String organizationId, String label) {}

    /** {@code reporter} may be null; either way nothing about them is stored. */
    Mono<Void> report(CurrentUser reporter, ModerationRequests.Report request) {
        String target = request.target().strip();
        Mono<Target> resolved = switch (request.kind()) {
            case EVENT -> events.visible(reporter, target).map(e -> new Target(e.id(), e.organizationId(), e.title()));
            case ORGANIZATION ->
                organizations
                        .findBySlug(target)
                        .map(o -> new Target(o.id(), o.id(), o.name()))
                        .switchIfEmpty(Mono.error(Refusal.notFound("Organization")));
            case CAMPAIGN ->
                campaigns
                        .hostBySlug(target)
                        .filter(c -> !takedowns.organizationHidden(c.organizationId()))
                        .map(c -> new Target(c.id(), c.organizationId(), c.name()))
                        .switchIfEmpty(Mono.error(Refusal.notFound("Campaign")));
        };
        String text = request.text() == null || request.text().isBlank()
                ? null
                : request.text().strip();
        return resolved.flatMap(t -> store.openAbout(t.id())
                .filter(open -> open < MAX_OPEN_PER_TARGET)
                .flatMap(open -> store.insert(new ReportDocument(
                        Ids.newId(),
                        request.kind().name(),
                        t.id(),
                        t.organizationId(),
                        t.label(),
                        request.category().name(),
                        text,
                        ReportState.OPEN.name(),
                        clock.instant(),
                        null,
                        null)))
                .then());
    }

    Mono<List<ReportView>> queue(CurrentUser admin, ReportState state, int limit) {
        return Moderators.require(admin)
                .thenMany(store.inState(
                        (state == null ? ReportState.OPEN : state).name(), Math.max(1, Math.min(limit, MAX_QUEUE))))
                .concatMap(r -> store.openAbout(r.targetId()).map(open -> view(r, open)))
                .collectList();
    }

    Mono<ReportView> dismiss(CurrentUser admin, String id) {
        return Moderators.require(admin)
                .then(store.decide(id, ReportState.DISMISSED.name(), admin.id(), clock.instant()))
                .switchIfEmpty(Mono.error(Refusal.notFound("Open report")))
                .flatMap(r -> store.openAbout(r.targetId()).map(open -> view(r, open)));
    }

    /** A moderator acted on the target: every open report about it is settled. */
    Mono<Long> settleAbout(String targetId, String moderatorId) {
        return store.settleAbout(targetId, moderatorId, clock.instant());
    }

    private ReportView view(ReportDocument r, long open) {
        ReportKind kind = ReportKind.valueOf(r.kind());
        boolean hidden = switch (kind) {
            case EVENT -> takedowns.hides(r.targetId(), r.organizationId());
            case ORGANIZATION, CAMPAIGN -> takedowns.organizationHidden(r.organizationId());
        };
        return new ReportView(
                r.id(),
                kind,
                r.targetId(),
                r.organizationId(),
                r.label(),
                ReportCategory.valueOf(r.category()),
                r.text(),
                ReportState.valueOf(r.state()),
                r.at(),
                hidden,
                open);
    }

    @Scheduled(cron = "0 47 3 * * *", zone = "UTC")
    void sweep() {
        store.deleteSettledBefore(clock.instant().minus(SETTLED_KEPT))
                .subscribe(null, e -> log.warn("Settled reports not swept: {}", e.toString()));
    }
}
