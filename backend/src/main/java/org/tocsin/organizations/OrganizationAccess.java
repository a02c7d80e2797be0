package org.tocsin.organizations;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.accounts.TwoFactor;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.internal.MembershipDocument;
import org.tocsin.organizations.internal.OrganizationStore;
import org.tocsin.organizations.internal.TwoFactorPolicyStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place that answers "may this user do X in this organization?" for every feature.
 * Platform admins act with OWNER rights everywhere, for moderation.
 *
 * <p>An organization may require two-factor sign-in of its ORGANIZER+ members: until such a member has
 * set it up, their effective role is MEMBER (they keep read access to members-only things, and every
 * feature that decides by role refuses them the rest); {@link #require} then says why, with the
 * problem type {@link TwoFactor#REQUIRED}.
 */
@Service
public class OrganizationAccess {

    private final OrganizationStore store;
    private final TwoFactorPolicyStore policies;
    private final TwoFactor twoFactor;

    OrganizationAccess(OrganizationStore store, TwoFactorPolicyStore policies, TwoFactor twoFactor) {
        this.store = store;
        this.policies = policies;
        this.twoFactor = twoFactor;
    }

    /** The caller's effective role; empty for strangers and anonymous callers ({@code user} may be null). */
    public Mono<Optional<Role>> roleOf(CurrentUser user, String organizationId) {
        return roles(user, organizationId).map(Roles::effective);
    }

    /** A member's role by membership, and the role they may act with now. */
    record Roles(Optional<Role> held, Optional<Role> effective) {}

    Mono<Roles> roles(CurrentUser user, String organizationId) {
        if (user == null) {
            return Mono.just(new Roles(Optional.empty(), Optional.empty()));
        }
        if (user.admin()) {
            return Mono.just(new Roles(Optional.of(Role.OWNER), Optional.of(Role.OWNER)));
        }
        return store.membership(organizationId, user.id())
                .flatMap(m -> !m.role().atLeast(Role.ORGANIZER)
                        ? Mono.just(new Roles(Optional.of(m.role()), Optional.of(m.role())))
                        : policies.required(organizationId)
                                .flatMap(required -> required ? twoFactor.enabled(user.id()) : Mono.just(true))
                                .map(allowed -> new Roles(
                                        Optional.of(m.role()), Optional.of(allowed ? m.role() : Role.MEMBER))))
                .defaultIfEmpty(new Roles(Optional.empty(), Optional.empty()));
    }

    public Mono<Boolean> can(CurrentUser user, String organizationId, Permission permission) {
        return roleOf(user, organizationId)
                .map(role -> role.map(permission::grantedTo).orElse(false));
    }

    /**
     * Completes with the caller's role when allowed; otherwise fails with a 403 problem. Callers
     * that must not reveal that an object exists (a PRIVATE event) map that to 404 themselves.
     */
    public Mono<Role> require(CurrentUser user, String organizationId, Permission permission) {
        return roles(user, organizationId).flatMap(roles -> {
            if (roles.effective().filter(permission::grantedTo).isPresent()) {
                return Mono.just(roles.effective().get());
            }
            if (roles.held().filter(permission::grantedTo).isPresent()) {
                return Mono.error(Refusal.of(
                        Refusal.Reason.TWO_FACTOR_REQUIRED,
                        "This organization requires two-factor sign-in of its organizers: set it up on your"
                                + " account page, then try again"));
            }
            return Mono.error(
                    Refusal.forbidden("This needs the " + permission.minimum() + " role or above in the organization"));
        });
    }

    /** The user's current membership of the organization; empty when not a member (platform admins included). */
    public Mono<Membership> membership(String userId, String organizationId) {
        return store.membership(organizationId, userId).map(m -> new Membership(m.id(), m.role(), m.since()));
    }

    /**
     * The accounts holding ORGANIZER or above in the organization (by membership): whom an invitation
     * addressed to the organization itself is told of. At most {@code limit}.
     */
    public Flux<String> organizers(String organizationId, int limit) {
        return store.members(organizationId)
                .filter(m -> m.role().atLeast(Role.ORGANIZER))
                .map(MembershipDocument::userId)
                .take(limit);
    }

    /** The user's role in each organization they belong to: what a list answer may show of each event. */
    public Mono<Map<String, Role>> roles(CurrentUser user) {
        if (user == null) {
            return Mono.just(Map.of());
        }
        return store.membershipsOf(user.id())
                .collectMap(MembershipDocument::organizationId, MembershipDocument::role)
                .flatMap(held -> {
                    Set<String> organizing = held.entrySet().stream()
                            .filter(e -> e.getValue().atLeast(Role.ORGANIZER))
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toSet());
                    return policies.requiring(organizing)
                            .flatMap(requiring -> requiring.isEmpty()
                                    ? Mono.just(held)
                                    : twoFactor.enabled(user.id()).map(enabled -> {
                                        Map<String, Role> effective = new HashMap<>(held);
                                        if (!enabled) {
                                            requiring.forEach(id -> effective.put(id, Role.MEMBER));
                                        }
                                        return effective;
                                    }));
                })
                .map(Map::copyOf);
    }
}
