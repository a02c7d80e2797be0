package org.tocsin.coalitions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.audit.AuditAction;
import org.tocsin.audit.AuditLog;
import org.tocsin.coalitions.internal.CoHostDocument;
import org.tocsin.coalitions.internal.CoHostStore;
import org.tocsin.events.CoHostLinks;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Co-hosting: an ORGANIZER+ of an event's host invites another organization, and an ORGANIZER+ of that
 * organization accepts or declines; either side ends it. No organization becomes a co-host without its own
 * organizers' consent, and only an accepted invitation reaches the event ({@link CoHostLinks}): a pending or
 * declined one changes nothing anyone else reads. Each step is one conditional write, so two organizers
 * deciding at once get one decision and one 409.
 */
@Service
class CoHostService {

    /** Open and accepted invitations one event may have: bounds the work of every read of the event. */
    static final int MAX_PER_EVENT = 20;
    /** Declined and ended ones are kept too; a list of an event's invitations reads at most this many. */
    static final int MAX_LISTED = 100;

    static final int MAX_PENDING_LISTED = 200;

    private final CoHostStore store;
    private final CoHostLinks links;
    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final CoHostMail mail;
    private final AuditLog audit;
    private final Clock clock;

    CoHostService(
            CoHostStore store,
            CoHostLinks links,
            OrganizationService organizations,
            OrganizationAccess access,
            CoHostMail mail,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.links = links;
        this.organizations = organizations;
        this.access = access;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<CoHostView> invite(CurrentUser user, String eventId, String slug) {
        return links.visible(user, eventId)
                .flatMap(event -> access.require(user, event.organizationId(), Permission.MANAGE_EVENTS)
                        .onErrorMap(
                                Refusal.class,
                                e -> e.reason() == Refusal.Reason.FORBIDDEN
                                        ? Refusal.forbidden("Only the host's ORGANIZERs and above invite co-hosts")
                                        : e)
                        .then(organizations
                                .findBySlug(slug)
                                .switchIfEmpty(Mono.error(Refusal.notFound("Organization"))))
                        .flatMap(invited -> {
                            if (invited.id().equals(event.organizationId())) {
                                return Mono.error(Refusal.invalid(
                                        "organization", "is the event's host; invite another organization"));
                            }
                            return store.countLive(event.id())
                                    .flatMap(live -> live >= MAX_PER_EVENT
                                            ? Mono.error(Refusal.invalid(
                                                    "organization",
                                                    "an event may have at most " + MAX_PER_EVENT
                                                            + " co-hosts and open invitations"))
                                            : insertOrRenew(user, event, invited))
                                    .flatMap(saved -> organizations
                                            .findById(event.organizationId())
                                            .flatMap(host -> audited(
                                                            saved, user, AuditAction.COHOST_INVITED, event.title())
                                                    .then(mail.invited(host, invited, event.title()))
                                                    .then(view(saved, event.title()))));
                        }));
    }

    /** A new invitation, or a declined or ended one made anew; an open or accepted one is a 409. */
    private Mono<CoHostDocument> insertOrRenew(CurrentUser user, CoHostLinks.Hosted event, OrganizationRef invited) {
        var now = clock.instant();
        Mono<CoHostDocument> conflict = Mono.error(Refusal.of(
                Refusal.Reason.CONFLICT, "'" + invited.slug() + "' is invited already or co-hosts the event"));
        return store.of(event.id(), invited.id())
                .flatMap(existing ->
                        store.reinvite(existing.id(), user.id(), now).switchIfEmpty(conflict))
                .switchIfEmpty(Mono.defer(() -> store.insert(new CoHostDocument(
                                Ids.newId(),
                                event.id(),
                                event.organizationId(),
                                invited.id(),
                                CoHostState.PENDING,
                                user.id(),
                                now,
                                null,
                                null))
                        .onErrorResume(DuplicateKeyException.class, e -> conflict)));
    }

    /** Every invitation of the event, for members of its host or of one of its co-hosts. */
    Mono<List<CoHostView>> ofEvent(CurrentUser user, String eventId) {
        return links.visible(user, eventId)
                .flatMap(event -> Flux.concat(
                                access.roleOf(user, event.organizationId()),
                                Flux.fromIterable(event.coHosts()).concatMap(o -> access.roleOf(user, o)))
                        .any(Optional::isPresent)
                        .flatMap(member -> member
                                ? store.ofEvent(event.id(), MAX_LISTED)
                                        .concatMap(i -> view(i, event.title()))
                                        .collectList()
                                : Mono.error(Refusal.forbidden(
                                        "Only members of the event's host and co-hosts see its co-hosts"))));
    }

    /** The organization's open invitations, newest first (its ORGANIZER+). */
    Mono<List<CoHostView>> pending(CurrentUser user, String slug) {
        return organizations
                .requireBySlug(user, slug, Permission.MANAGE_EVENTS)
                .flatMapMany(org -> store.toOrganization(org.id(), CoHostState.PENDING, MAX_PENDING_LISTED))
                // An invitation to an event deleted since is nothing to decide on.
                .concatMap(i -> links.stored(i.eventId()).flatMap(event -> view(i, event.title())))
                .collectList();
    }

    Mono<CoHostView> accept(CurrentUser user, String slug, String id) {
        return decide(user, slug, id, CoHostState.ACCEPTED, AuditAction.COHOST_ACCEPTED);
    }

    Mono<CoHostView> decline(CurrentUser user, String slug, String id) {
        return decide(user, slug, id, CoHostState.DECLINED, AuditAction.COHOST_DECLINED);
    }

    private Mono<CoHostView> decide(CurrentUser user, String slug, String id, CoHostState to, AuditAction action) {
        return organizations
                .requireBySlug(user, slug, Permission.MANAGE_EVENTS)
                .flatMap(org -> store.byId(id)
                        .filter(i -> i.organizationId().equals(org.id()))
                        .switchIfEmpty(Mono.error(Refusal.notFound("Invitation")))
                        .flatMap(i -> links.stored(i.eventId())
                                .switchIfEmpty(Mono.error(Refusal.notFound("Event")))
                                .flatMap(event -> store.transition(
                                                i.id(), List.of(CoHostState.PENDING), to, user.id(), clock.instant())
                                        .switchIfEmpty(Mono.error(Refusal.of(
                                                Refusal.Reason.CONFLICT,
                                                "The invitation is not open any more (" + i.state() + ")")))
                                        .flatMap(decided -> (to == CoHostState.ACCEPTED
                                                        ? links.add(event.id(), org.id())
                                                                .then(undoIfEnded(decided))
                                                        : Mono.<Void>empty())
                                                .then(audited(decided, user, action, event.title()))
                                                .then(view(decided, event.title()))))));
    }

    /**
     * Ended while this acceptance was being written onto the event: the ending's removal may have come first,
     * so the acceptance takes the co-host off again. The record decides; the event follows it.
     */
    private Mono<Void> undoIfEnded(CoHostDocument accepted) {
        return store.byId(accepted.id())
                .filter(now -> now.state() != CoHostState.ACCEPTED)
                .flatMap(now -> links.remove(now.eventId(), now.organizationId()));
    }

    /**
     * Ends a co-hosting (or withdraws an open invitation): the host's ORGANIZER+ or the co-host's own. The
     * event leaves the co-host's page, feeds and filter at once.
     */
    Mono<Void> end(CurrentUser user, String eventId, String slug) {
        return links.visible(user, eventId)
                .flatMap(event -> organizations
                        .findBySlug(slug)
                        .switchIfEmpty(Mono.error(Refusal.notFound("Organization")))
                        // Who may is decided before the invitation is looked up: whether one exists is not a stranger's
                        // to learn (a pending invitation changes nothing they read, not even a 404 against a 403).
                        .flatMap(org -> Flux.concat(
                                        access.can(user, event.organizationId(), Permission.MANAGE_EVENTS),
                                        access.can(user, org.id(), Permission.MANAGE_EVENTS))
                                .any(Boolean::booleanValue)
                                .flatMap(allowed -> allowed
                                        ? store.of(event.id(), org.id())
                                        : Mono.error(Refusal.forbidden(
                                                "Only ORGANIZERs of the host or of this co-host end a co-hosting"))))
                        .switchIfEmpty(Mono.error(Refusal.notFound("Co-host")))
                        .flatMap(i -> store.transition(
                                        i.id(),
                                        List.of(CoHostState.PENDING, CoHostState.ACCEPTED),
                                        CoHostState.ENDED,
                                        user.id(),
                                        clock.instant())
                                .switchIfEmpty(Mono.error(Refusal.of(
                                        Refusal.Reason.CONFLICT,
                                        "'" + slug + "' does not co-host the event (" + i.state() + ")"))))
                        .flatMap(ended -> links.remove(ended.eventId(), ended.organizationId())
                                .then(audited(ended, user, AuditAction.COHOST_ENDED, event.title()))));
    }

    /** In both organizations' logs: each side sees what was done with its name. */
    private Mono<Void> audited(CoHostDocument i, CurrentUser user, AuditAction action, String title) {
        return audit.record(AuditLog.Record.of(i.hostOrganizationId(), user.id(), action, "EVENT", i.eventId(), title))
                .then(audit.record(
                        AuditLog.Record.of(i.organizationId(), user.id(), action, "EVENT", i.eventId(), title)));
    }

    private Mono<CoHostView> view(CoHostDocument i, String title) {
        return Mono.zip(organization(i.hostOrganizationId()), organization(i.organizationId()))
                .map(t -> new CoHostView(
                        i.id(), i.eventId(), title, t.getT1(), t.getT2(), i.state(), i.invitedAt(), i.decidedAt()));
    }

    private Mono<CoHostView.Organization> organization(String id) {
        return organizations
                .findById(id)
                .map(o -> new CoHostView.Organization(o.slug(), o.name()))
                .defaultIfEmpty(new CoHostView.Organization(null, null));
    }
}
