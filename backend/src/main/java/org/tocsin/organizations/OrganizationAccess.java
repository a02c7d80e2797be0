package org.tocsin.organizations;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.internal.MembershipDocument;
import org.tocsin.organizations.internal.OrganizationStore;
import reactor.core.publisher.Mono;

/**
 * The one place that answers "may this user do X in this organization?" for every feature.
 * Platform admins act with OWNER rights everywhere, for moderation.
 */
@Service
public class OrganizationAccess {

    private final OrganizationStore store;

    OrganizationAccess(OrganizationStore store) {
        this.store = store;
    }

    /** The caller's effective role; empty for strangers and anonymous callers ({@code user} may be null). */
    public Mono<Optional<Role>> roleOf(CurrentUser user, String organizationId) {
        if (user == null) {
            return Mono.just(Optional.empty());
        }
        if (user.admin()) {
            return Mono.just(Optional.of(Role.OWNER));
        }
        return store.membership(organizationId, user.id())
                .map(m -> Optional.of(m.role()))
                .defaultIfEmpty(Optional.empty());
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
        return roleOf(user, organizationId)
                .flatMap(role -> role.filter(permission::grantedTo)
                        .map(Mono::just)
                        .orElseGet(() -> Mono.error(Refusal.forbidden(
                                "This needs the " + permission.minimum() + " role or above in the organization"))));
    }

    /** The user's current membership of the organization; empty when not a member (platform admins included). */
    public Mono<Membership> membership(String userId, String organizationId) {
        return store.membership(organizationId, userId).map(m -> new Membership(m.id(), m.role(), m.since()));
    }

    /** The user's role in each organization they belong to: what a list answer may show of each event. */
    public Mono<Map<String, Role>> roles(CurrentUser user) {
        if (user == null) {
            return Mono.just(Map.of());
        }
        return store.membershipsOf(user.id())
                .collectMap(MembershipDocument::organizationId, MembershipDocument::role)
                .map(Map::copyOf);
    }
}
