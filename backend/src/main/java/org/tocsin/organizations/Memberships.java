package org.tocsin.organizations;

import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.AccountService;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.internal.MembershipDocument;
import org.tocsin.organizations.internal.OrganizationDocument;
import org.tocsin.organizations.internal.OrganizationStore;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Mono;

/**
 * The one place a membership is added, changed or removed, and so the one place that keeps the
 * organization's OWNER count and guards its last OWNER. Who may ask for a change is the callers'
 * business ({@link OrganizationService} for admins, {@link InvitationService} for the person who accepts).
 * <p>
 * OWNER counts move first when they fall and last when they rise, so a crash in between leaves the count
 * too low (refusing a legitimate demotion) and never too high (losing the last owner).
 */
@Component
class Memberships {

    static final String UNVERIFIED = "An account becomes ORGANIZER or more only once its email address is verified"
            + " (by the link mailed to it)";

    private final OrganizationStore store;
    private final AccountService accounts;
    private final Clock clock;

    Memberships(OrganizationStore store, AccountService accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * ORGANIZERs and above see who is coming: an account whose address nobody has confirmed (it may be
     * someone else's) is never one. Checked here, where every role is given, whoever asks.
     */
    private Mono<Void> mayHold(String userId, Role role) {
        return role.atLeast(Role.ORGANIZER) ? accounts.requireVerifiedEmail(userId, UNVERIFIED) : Mono.empty();
    }

    Mono<MembershipDocument> of(String organizationId, String userId) {
        return store.membership(organizationId, userId);
    }

    /** The creator's OWNER membership; the organization was inserted with this one OWNER already counted. */
    Mono<MembershipDocument> addFounder(OrganizationDocument org, String userId) {
        return store.insertMembership(
                new MembershipDocument(Ids.newId(), org.id(), userId, Role.OWNER, clock.instant()));
    }

    /** A new member; two joins of the same person at once answer a conflict to the second. */
    Mono<MembershipDocument> add(String organizationId, String userId, Role role) {
        MembershipDocument membership =
                new MembershipDocument(Ids.newId(), organizationId, userId, role, clock.instant());
        return mayHold(userId, role)
                .then(Mono.defer(() -> store.insertMembership(membership)))
                .onErrorMap(DuplicateKeyException.class, e -> concurrentChange())
                .flatMap(
                        m -> role == Role.OWNER ? store.addOwner(organizationId).thenReturn(m) : Mono.just(m));
    }

    /** Changes a role only if it is still {@code current}'s; the last OWNER cannot step down. */
    Mono<MembershipDocument> changeRole(MembershipDocument current, Role role) {
        if (current.role() == role) {
            return Mono.just(current);
        }
        String organizationId = current.organizationId();
        MembershipDocument changed =
                new MembershipDocument(current.id(), organizationId, current.userId(), role, current.since());
        return mayHold(current.userId(), role)
                .then(releaseIfOwner(organizationId, current.role()))
                .then(store.changeRole(organizationId, current.userId(), current.role(), role))
                .flatMap(done -> done
                        ? (role == Role.OWNER ? store.addOwner(organizationId) : Mono.<Void>empty()).thenReturn(changed)
                        : restoreIfOwner(organizationId, current.role()).then(Mono.error(concurrentChange())));
    }

    /** Removes {@code target} if its role is still the same; the last OWNER cannot leave. */
    Mono<Void> remove(MembershipDocument target) {
        String organizationId = target.organizationId();
        return releaseIfOwner(organizationId, target.role())
                .then(store.removeMembership(organizationId, target.userId(), target.role()))
                .flatMap(removed -> removed
                        ? Mono.<Void>empty()
                        : restoreIfOwner(organizationId, target.role()).then(Mono.error(concurrentChange())));
    }

    private Mono<Void> releaseIfOwner(String organizationId, Role role) {
        if (role != Role.OWNER) {
            return Mono.empty();
        }
        return store.releaseOwner(organizationId)
                .switchIfEmpty(Mono.error(Refusal.of(
                        Refusal.Reason.LAST_OWNER,
                        "An organization keeps at least one OWNER: make someone else OWNER first")))
                .then();
    }

    private Mono<Void> restoreIfOwner(String organizationId, Role role) {
        return role == Role.OWNER ? store.addOwner(organizationId) : Mono.empty();
    }

    private static Refusal concurrentChange() {
        return Refusal.of(Refusal.Reason.CONFLICT, "The membership changed at the same time; reload and try again");
    }
}
