package org.tocsin.moderation;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.accounts.Suspensions;
import org.tocsin.audit.AuditAction;
import org.tocsin.audit.AuditLog;
import org.tocsin.events.EventTakedowns;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Mono;

/**
 * What the platform's moderators do: hide and restore events and organizations, suspend accounts.
 * Each action is in the organization's audit log (moderators act in the open: the organization's
 * admins see who hid what) and settles the open reports about its target.
 */
@Service
class ModerationActions {

    private final EventTakedowns events;
    private final OrganizationService organizations;
    private final Takedowns takedowns;
    private final Suspensions suspensions;
    private final Reports reports;
    private final AuditLog audit;

    ModerationActions(
            EventTakedowns events,
            OrganizationService organizations,
            Takedowns takedowns,
            Suspensions suspensions,
            Reports reports,
            AuditLog audit) {
        this.events = events;
        this.organizations = organizations;
        this.takedowns = takedowns;
        this.suspensions = suspensions;
        this.reports = reports;
        this.audit = audit;
    }

    /** What is hidden now, for the queue. */
    record TakedownView(Takedowns.Kind kind, String targetId, String label, Instant at) {}

    /** The outcome of an action: the target and whether it is hidden now. */
    record Outcome(String kind, String targetId, boolean hidden, long reportsSettled) {}

    Mono<Outcome> hideEvent(CurrentUser admin, String eventId) {
        return Moderators.require(admin)
                .then(events.hideEvent(eventId, admin.id()))
                .flatMap(facts -> audit.record(AuditLog.Record.of(
                                facts.organizationId(),
                                admin.id(),
                                AuditAction.EVENT_HIDDEN,
                                "EVENT",
                                facts.id(),
                                facts.title()))
                        .then(reports.settleAbout(eventId, admin.id()))
                        .map(settled -> new Outcome("EVENT", eventId, true, settled)));
    }

    Mono<Outcome> restoreEvent(CurrentUser admin, String eventId) {
        return Moderators.require(admin)
                .then(events.restoreEvent(eventId))
                .flatMap(facts -> audit.record(AuditLog.Record.of(
                                facts.organizationId(),
                                admin.id(),
                                AuditAction.EVENT_RESTORED,
                                "EVENT",
                                facts.id(),
                                facts.title()))
                        .thenReturn(
                                new Outcome("EVENT", eventId, takedowns.hides(facts.id(), facts.organizationId()), 0)));
    }

    Mono<Outcome> hideOrganization(CurrentUser admin, String organizationId) {
        return Moderators.require(admin)
                .then(organizations.findById(organizationId))
                .switchIfEmpty(Mono.error(Refusal.notFound("Organization")))
                .flatMap(org -> events.hideOrganization(org.id(), admin.id())
                        .then(audit.record(AuditLog.Record.of(
                                org.id(),
                                admin.id(),
                                AuditAction.ORGANIZATION_HIDDEN,
                                "ORGANIZATION",
                                org.id(),
                                org.name())))
                        .then(reports.settleAbout(org.id(), admin.id()))
                        .map(settled -> new Outcome("ORGANIZATION", org.id(), true, settled)));
    }

    Mono<Outcome> restoreOrganization(CurrentUser admin, String organizationId) {
        return Moderators.require(admin)
                .then(organizations.findById(organizationId))
                .switchIfEmpty(Mono.error(Refusal.notFound("Organization")))
                .flatMap(org -> events.restoreOrganization(org.id())
                        .then(audit.record(AuditLog.Record.of(
                                org.id(),
                                admin.id(),
                                AuditAction.ORGANIZATION_RESTORED,
                                "ORGANIZATION",
                                org.id(),
                                org.name())))
                        .thenReturn(new Outcome("ORGANIZATION", org.id(), false, 0)));
    }

    Mono<List<TakedownView>> takedowns(CurrentUser admin) {
        return Moderators.require(admin)
                .thenMany(takedowns.all())
                .concatMap(t -> (t.kind() == Takedowns.Kind.EVENT
                                ? events.facts(t.targetId())
                                        .map(f -> f.title())
                                        .onErrorResume(Refusal.class, e -> Mono.empty())
                                : organizations.findById(t.targetId()).map(o -> o.name()))
                        .defaultIfEmpty("")
                        .map(label -> new TakedownView(t.kind(), t.targetId(), label, t.at())))
                .collectList();
    }

    Mono<Suspensions.Suspended> suspend(CurrentUser admin, String userId) {
        return suspensions.suspend(admin, userId);
    }

    Mono<Void> lift(CurrentUser admin, String userId) {
        return suspensions.lift(admin, userId);
    }

    Mono<List<Suspensions.SuspensionView>> suspended(CurrentUser admin) {
        return suspensions.list(admin);
    }
}
