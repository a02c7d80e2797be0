package org.tocsin.organizations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.AccountService;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.accounts.SecretTokens;
import org.tocsin.audit.AuditAction;
import org.tocsin.audit.AuditLog;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.internal.InvitationDocument;
import org.tocsin.organizations.internal.InvitationStore;
import org.tocsin.organizations.internal.MembershipDocument;
import org.tocsin.organizations.internal.OrganizationDocument;
import org.tocsin.organizations.internal.OrganizationStore;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Mono;

/**
 * Invitation links: the way in that needs nobody's user id or email. An OWNER or ADMIN makes a link
 * for a role no higher than their own; whoever opens it, signed in, joins with that role. The token is
 * shown once and stored as a SHA-256. Unknown, expired, used-up and revoked links all answer the same 404.
 */
@Service
public class InvitationService {

    static final String TOKEN_PREFIX = "tci_";
    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 30;
    static final int DEFAULT_USES = 1;
    static final int MAX_USES = 50;

    private static final Logger log = LoggerFactory.getLogger(InvitationService.class);

    private final InvitationStore invitations;
    private final OrganizationStore organizations;
    private final Memberships memberships;
    private final OrganizationAccess access;
    private final AccountService accounts;
    private final PublicUrl publicUrl;
    private final AuditLog audit;
    private final Clock clock;

    InvitationService(
            InvitationStore invitations,
            OrganizationStore organizations,
            Memberships memberships,
            OrganizationAccess access,
            AccountService accounts,
            PublicUrl publicUrl,
            AuditLog audit,
            Clock clock) {
        this.invitations = invitations;
        this.organizations = organizations;
        this.memberships = memberships;
        this.access = access;
        this.accounts = accounts;
        this.publicUrl = publicUrl;
        this.audit = audit;
        this.clock = clock;
    }

    record NewInvitation(String id, String url, Role role, Instant expiresAt, int maxUses) {}

    record OpenInvitation(String id, Role role, Instant expiresAt, int maxUses, int uses, Instant createdAt) {
        static OpenInvitation of(InvitationDocument i) {
            return new OpenInvitation(i.id(), i.role(), i.expiresAt(), i.maxUses(), i.uses(), i.createdAt());
        }
    }

    record InvitedOrganization(String slug, String name) {}

    record InvitationPreview(InvitedOrganization organization, Role role) {}

    record InvitationAccepted(InvitedOrganization organization, Role role, Instant since) {}

    Mono<NewInvitation> create(CurrentUser actor, String slug, Role role, Integer expiresInDays, Integer maxUses) {
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        int uses = maxUses == null ? DEFAULT_USES : maxUses;
        if (days < 1 || days > MAX_DAYS) {
            return Mono.error(Refusal.invalid("expiresInDays", "must be between 1 and " + MAX_DAYS));
        }
        if (uses < 1 || uses > MAX_USES) {
            return Mono.error(Refusal.invalid("maxUses", "must be between 1 and " + MAX_USES));
        }
        return issue(actor, slug, role, days, uses)
                .map(issued -> new NewInvitation(
                        issued.saved().id(),
                        publicUrl.base() + "/join/" + issued.token(),
                        issued.saved().role(),
                        issued.saved().expiresAt(),
                        issued.saved().maxUses()));
    }

    /**
     * Both sides of a one-use invitation at once, for set-ups the operator runs with accounts it holds
     * itself (the demo data's groups joining their coalition). Still the same path as everyone's: the
     * inviter must be allowed to invite to {@code role}, and it is the joiner who accepts.
     */
    public Mono<Role> inviteAndAccept(CurrentUser inviter, CurrentUser joiner, String slug, Role role) {
        return issue(inviter, slug, role, 1, 1)
                .flatMap(issued -> accept(joiner, issued.token()))
                .map(InvitationAccepted::role);
    }

    private record Issued(String token, InvitationDocument saved) {}

    private Mono<Issued> issue(CurrentUser actor, String slug, Role role, int days, int uses) {
        return organization(slug)
                .flatMap(org -> mayInvite(actor, org.id(), role).then(Mono.defer(() -> {
                    Instant now = clock.instant();
                    String token = SecretTokens.generate(TOKEN_PREFIX);
                    InvitationDocument doc = new InvitationDocument(
                            Ids.newId(),
                            org.id(),
                            SecretTokens.hash(token),
                            role,
                            uses,
                            0,
                            now.plus(Duration.ofDays(days)),
                            now,
                            actor.id());
                    return invitations
                            .insert(doc)
                            .flatMap(saved -> audit.record(AuditLog.Record.of(
                                            org.id(),
                                            actor.id(),
                                            AuditAction.INVITATION_CREATED,
                                            "INVITATION",
                                            saved.id(),
                                            saved.role().name()))
                                    .thenReturn(new Issued(token, saved)));
                })));
    }

    Mono<List<OpenInvitation>> list(CurrentUser actor, String slug) {
        return organization(slug)
                .flatMap(org -> access.require(actor, org.id(), Permission.MANAGE_MEMBERS)
                        .then(invitations
                                .openOf(org.id(), clock.instant())
                                .filterWhen(this::makerMayStillInvite)
                                .map(OpenInvitation::of)
                                .collectList()));
    }

    Mono<Void> revoke(CurrentUser actor, String slug, String id) {
        return organization(slug)
                .flatMap(org -> access.require(actor, org.id(), Permission.MANAGE_MEMBERS)
                        .then(invitations.revoke(org.id(), id))
                        .flatMap(done -> done
                                ? audit.record(AuditLog.Record.of(
                                        org.id(), actor.id(), AuditAction.INVITATION_REVOKED, "INVITATION", id, null))
                                : Mono.error(Refusal.notFound("Invitation"))));
    }

    Mono<InvitationPreview> preview(String token) {
        return openInvitation(token)
                .flatMap(i -> organizations
                        .byId(i.organizationId())
                        .map(org -> new InvitationPreview(summary(org), i.role())))
                .switchIfEmpty(Mono.error(notFound()));
    }

    /**
     * Joins with the invitation's role. Someone already in the organization with that role or a higher
     * one keeps it and takes no use; someone with a lower role is raised to it.
     */
    Mono<InvitationAccepted> accept(CurrentUser user, String token) {
        Instant now = clock.instant();
        return openInvitation(token)
                .switchIfEmpty(Mono.error(notFound()))
                .flatMap(invitation -> organizations
                        .byId(invitation.organizationId())
                        .switchIfEmpty(Mono.error(notFound()))
                        .flatMap(org -> memberships
                                .of(org.id(), user.id())
                                .flatMap(current -> current.role().atLeast(invitation.role())
                                        ? Mono.just(current)
                                        // Only ever upward, so the current role is never OWNER and no OWNER count
                                        // falls.
                                        : useThen(invitation, now, memberships.changeRole(current, invitation.role())))
                                .switchIfEmpty(Mono.defer(() -> useThen(
                                        invitation, now, memberships.add(org.id(), user.id(), invitation.role()))))
                                .flatMap(m -> audit.record(AuditLog.Record.of(
                                                        org.id(),
                                                        user.id(),
                                                        AuditAction.INVITATION_ACCEPTED,
                                                        "INVITATION",
                                                        invitation.id(),
                                                        m.role().name())
                                                .aboutMember(user.id()))
                                        .thenReturn(new InvitationAccepted(summary(org), m.role(), m.since())))));
    }

    /** Takes a use, then does {@code change}; gives the use back when the change fails. */
    private Mono<MembershipDocument> useThen(
            InvitationDocument invitation, Instant now, Mono<MembershipDocument> change) {
        return invitations
                .takeUse(invitation, now)
                .switchIfEmpty(Mono.error(notFound()))
                .flatMap(used -> change.onErrorResume(
                                e -> invitations.giveBackUse(invitation.id()).then(Mono.error(e)))
                        .flatMap(m -> invitations
                                .deleteIfUsedUp(invitation.id(), invitation.maxUses())
                                .thenReturn(m)));
    }

    /** The same rules as granting a role: OWNERs and ADMINs only, never above their own role. */
    private Mono<Void> mayInvite(CurrentUser actor, String organizationId, Role role) {
        return access.require(actor, organizationId, Permission.MANAGE_MEMBERS)
                .flatMap(actorRole -> actorRole.atLeast(role)
                        ? Mono.<Void>empty()
                        : Mono.error(Refusal.forbidden("Nobody invites to a role above their own")));
    }

    private Mono<InvitationDocument> openInvitation(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Mono.empty();
        }
        return invitations.open(SecretTokens.hash(token), clock.instant()).filterWhen(this::makerMayStillInvite);
    }

    /**
     * A link is only as good as its maker's right to invite: an admin removed or demoted (say, one
     * suspected of passing names on) leaves no working way in behind.
     */
    private Mono<Boolean> makerMayStillInvite(InvitationDocument invitation) {
        if (invitation.createdBy() == null) {
            return Mono.just(false);
        }
        return accounts.findById(invitation.createdBy())
                .flatMap(maker -> access.roleOf(maker, invitation.organizationId()))
                .map(role -> role.filter(Permission.MANAGE_MEMBERS::grantedTo)
                        .map(r -> r.atLeast(invitation.role()))
                        .orElse(false))
                .defaultIfEmpty(false);
    }

    @Scheduled(fixedDelayString = "${tocsin.invitations.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    void scheduledCleanup() {
        cleanup().subscribe(null, e -> log.warn("Invitation cleanup failed: {}", e.toString()));
    }

    /** Deletes expired invitations (the embedded server has no TTL indexes); answers how many. */
    Mono<Long> cleanup() {
        return invitations.deleteExpiredBefore(clock.instant()).doOnNext(n -> {
            if (n > 0) {
                log.info("Deleted {} expired invitations", n);
            }
        });
    }

    private Mono<OrganizationDocument> organization(String slug) {
        return organizations.bySlug(slug).switchIfEmpty(Mono.error(Refusal.notFound("Organization")));
    }

    private static InvitedOrganization summary(OrganizationDocument org) {
        return new InvitedOrganization(org.slug(), org.name());
    }

    /** One answer for unknown, expired, used-up and revoked links alike. */
    private static Refusal notFound() {
        return Refusal.notFound("Invitation");
    }
}
