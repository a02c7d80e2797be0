package org.tocsin.organizations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.AccountService;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.audit.AuditAction;
import org.tocsin.audit.AuditLog;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.internal.MembershipDocument;
import org.tocsin.organizations.internal.OrganizationDocument;
import org.tocsin.organizations.internal.OrganizationStore;
import org.tocsin.storage.Ids;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Organizations and their members. Every rule about roles is asked of {@link OrganizationAccess}. */
@Service
public class OrganizationService {

    private final OrganizationStore store;
    private final Memberships memberships;
    private final OrganizationAccess access;
    private final AccountService accounts;
    private final Takedowns takedowns;
    private final AuditLog audit;
    private final Clock clock;

    OrganizationService(
            OrganizationStore store,
            Memberships memberships,
            OrganizationAccess access,
            AccountService accounts,
            Takedowns takedowns,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.takedowns = takedowns;
        this.audit = audit;
        this.memberships = memberships;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The organization by its public name; empty when unknown or taken down by the platform's moderators
     * (to the public, the two are one: its feeds, filters and pages answer as for an unknown slug).
     */
    public Mono<OrganizationRef> findBySlug(String slug) {
        return store.bySlug(slug)
                .filter(org -> !takedowns.organizationHidden(org.id()))
                .map(OrganizationService::ref);
    }

    /**
     * The organization named by {@code slug}, when the user holds {@code permission} there; an unknown
     * slug is a 404, a missing role a 403 (or 404 where the role check says so).
     */
    public Mono<OrganizationRef> requireBySlug(CurrentUser user, String slug, Permission permission) {
        return findBySlug(slug)
                .switchIfEmpty(Mono.error(Refusal.notFound("Organization")))
                .flatMap(org -> access.require(user, org.id(), permission).thenReturn(org));
    }

    /** The public face of the organization named by {@code slug}; empty when there is none. */
    public Mono<OrganizationProfile> profile(String slug) {
        return store.bySlug(slug).map(o -> new OrganizationProfile(o.id(), o.slug(), o.name(), o.description()));
    }

    public Mono<OrganizationRef> findById(String id) {
        return store.byId(id).map(OrganizationService::ref);
    }

    public Mono<OrganizationRef> createOrganization(CurrentUser creator, String name, String slug, String description) {
        return create(creator, name, slug, description).map(v -> new OrganizationRef(v.id(), v.slug(), v.name()));
    }

    /** Every organization, by name: organizations are public. */
    public Flux<OrganizationRef> all(int limit) {
        return store.all(limit)
                .filter(org -> !takedowns.organizationHidden(org.id()))
                .map(OrganizationService::ref);
    }

    Mono<OrganizationView> create(CurrentUser creator, String name, String slug, String description) {
        Instant now = clock.instant();
        String id = Ids.newId();
        Mono<Void> verified = accounts.requireVerifiedEmail(
                creator.id(),
                "Verify your email address (by the link mailed to it) before creating an organization:"
                        + " its creator becomes its OWNER");
        Mono<OrganizationDocument> inserted = slug != null
                ? store.insert(new OrganizationDocument(id, slug, name, description, 1, now, now))
                        .onErrorMap(
                                DuplicateKeyException.class,
                                e -> Refusal.of(Refusal.Reason.SLUG_TAKEN, "The slug '" + slug + "' is taken"))
                : insertWithDerivedSlug(
                        id, name, description, now, DerivedSlugs.derive(name, "org-" + Ids.newSlugSuffix()), 1);
        return verified.then(inserted)
                .flatMap(org -> memberships.addFounder(org, creator.id()).thenReturn(org))
                .map(org -> OrganizationView.of(org, Role.OWNER));
    }

    /** "berlin-vigils" is taken: try "berlin-vigils-2" … "-9", then a random suffix. */
    private Mono<OrganizationDocument> insertWithDerivedSlug(
            String id, String name, String description, Instant now, String base, int attempt) {
        String candidate = attempt == 1 ? base : attempt < 10 ? base + "-" + attempt : base + "-" + Ids.newSlugSuffix();
        return store.insert(new OrganizationDocument(id, candidate, name, description, 1, now, now))
                .onErrorResume(
                        DuplicateKeyException.class,
                        e -> attempt < 10
                                ? insertWithDerivedSlug(id, name, description, now, base, attempt + 1)
                                : Mono.error(Refusal.of(
                                        Refusal.Reason.SLUG_TAKEN, "Choose a slug: '" + base + "' is taken")));
    }

    Mono<OrganizationView> view(CurrentUser viewer, String slug) {
        // Taken down by the moderators: its members (and admins) still see it; anyone else, nothing.
        return organization(slug)
                .flatMap(org -> access.roleOf(viewer, org.id())
                        .filter(role -> role.isPresent() || !takedowns.organizationHidden(org.id()))
                        .switchIfEmpty(Mono.error(Refusal.notFound("Organization")))
                        .map(role -> OrganizationView.of(org, role.orElse(null))));
    }

    Mono<OrganizationView> update(CurrentUser actor, String slug, String name, String description) {
        return organization(slug)
                .flatMap(org -> access.require(actor, org.id(), Permission.EDIT_ORGANIZATION)
                        .flatMap(role -> store.update(org.id(), name, description, clock.instant())
                                .map(updated -> OrganizationView.of(updated, role))));
    }

    Flux<OrganizationView> mine(CurrentUser user) {
        return store.membershipsOf(user.id())
                .collectMap(MembershipDocument::organizationId, MembershipDocument::role)
                .flatMapMany(roles ->
                        store.byIds(roles.keySet()).map(org -> OrganizationView.of(org, roles.get(org.id()))));
    }

    Mono<List<MemberView>> members(CurrentUser viewer, String slug) {
        return organization(slug)
                .flatMap(org -> access.require(viewer, org.id(), Permission.VIEW_MEMBERS_ONLY)
                        .then(store.members(org.id()).collectList()))
                .flatMap(members -> accounts.displayNames(
                                members.stream().map(MembershipDocument::userId).toList())
                        .map(names -> members.stream()
                                .map(m -> MemberView.of(m, names.get(m.userId())))
                                .toList()));
    }

    /**
     * Changes an existing member's role. Nobody grants above their own role or changes someone above them.
     * Nobody is added this way: joining takes the person's consent, i.e. an invitation link they accept
     * ({@link InvitationService}). A user id that is not a member answers the same 404 whether an account
     * has it or not, so this route neither adds strangers nor tells whether an account exists (or its name).
     */
    Mono<MemberView> setRole(CurrentUser actor, String slug, String userId, Role role) {
        return parties(actor, slug, userId).flatMap(t -> {
            Role actorRole = t.actorRole();
            if (actorRole == null || !actor.id().equals(userId) && !Permission.MANAGE_MEMBERS.grantedTo(actorRole)) {
                return Mono.error(Refusal.forbidden("Only the organization's admins manage its members"));
            }
            MembershipDocument current = t.target();
            if (current == null) {
                return Mono.error(Refusal.notFound("Member"));
            }
            return mayChange(actor, userId, actorRole, current.role(), role)
                    .then(Mono.defer(() -> memberships.changeRole(current, role)))
                    .flatMap(m -> audit.record(AuditLog.Record.of(
                                            m.organizationId(),
                                            actor.id(),
                                            AuditAction.MEMBER_ROLE_CHANGED,
                                            "MEMBER",
                                            userId,
                                            current.role() + " → " + role)
                                    .aboutMember(userId))
                            .thenReturn(m))
                    .flatMap(m ->
                            accounts.displayNames(List.of(userId)).map(names -> MemberView.of(m, names.get(userId))));
        });
    }

    /** Removes a member; anyone may leave on their own, except the last OWNER. */
    Mono<Void> remove(CurrentUser actor, String slug, String userId) {
        return parties(actor, slug, userId).flatMap(t -> {
            Role actorRole = t.actorRole();
            MembershipDocument target = t.target();
            boolean self = actor.id().equals(userId);
            if (actorRole == null && !self) {
                return Mono.error(Refusal.forbidden("Only the organization's admins manage its members"));
            }
            if (target == null) {
                return Mono.error(Refusal.notFound("Member"));
            }
            if (!self && (!Permission.MANAGE_MEMBERS.grantedTo(actorRole) || !actorRole.atLeast(target.role()))) {
                return Mono.error(Refusal.forbidden("You may not remove a member with this role"));
            }
            return memberships
                    .remove(target)
                    .then(audit.record(AuditLog.Record.of(
                                    target.organizationId(),
                                    actor.id(),
                                    AuditAction.MEMBER_REMOVED,
                                    "MEMBER",
                                    userId,
                                    target.role().name())
                            .aboutMember(userId)));
        });
    }

    /** Who acts on whom: the actor's role in the organization and the target's membership, either null if none. */
    private record Parties(Role actorRole, MembershipDocument target) {}

    private Mono<Parties> parties(CurrentUser actor, String slug, String userId) {
        return organization(slug)
                .flatMap(org -> Mono.zip(
                        access.roleOf(actor, org.id()),
                        memberships.of(org.id(), userId).map(Optional::of).defaultIfEmpty(Optional.empty())))
                .map(t -> new Parties(t.getT1().orElse(null), t.getT2().orElse(null)));
    }

    private Mono<Void> mayChange(CurrentUser actor, String userId, Role actorRole, Role currentRole, Role newRole) {
        boolean self = actor.id().equals(userId);
        if (actorRole == null) {
            return Mono.error(Refusal.forbidden("Only the organization's admins manage its members"));
        }
        if (!newRole.atLeast(Role.MEMBER) || !actorRole.atLeast(newRole)) {
            return Mono.error(Refusal.forbidden("Nobody grants a role above their own"));
        }
        if (self) {
            // Stepping down is always allowed; stepping up was refused just above.
            return Mono.empty();
        }
        if (!Permission.MANAGE_MEMBERS.grantedTo(actorRole)) {
            return Mono.error(Refusal.forbidden("Only OWNERs and ADMINs manage members"));
        }
        if (currentRole != null && !actorRole.atLeast(currentRole)) {
            return Mono.error(Refusal.forbidden("You may not change the role of someone above you"));
        }
        return Mono.empty();
    }

    private Mono<OrganizationDocument> organization(String slug) {
        return store.bySlug(slug).switchIfEmpty(Mono.error(Refusal.notFound("Organization")));
    }

    private static OrganizationRef ref(OrganizationDocument org) {
        return new OrganizationRef(org.id(), org.slug(), org.name());
    }
}
