package org.tocsin.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.internal.SuspensionDocument;
import org.tocsin.accounts.internal.SuspensionStore;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/**
 * Platform admins suspend an account (a troll's, a stolen one): it can no longer sign in, every
 * session ends, and every credential made with it is revoked ({@link CredentialRevocation}: API tokens,
 * calendar-feed addresses), as after a password change. Lifting it restores sign-in only; revoked
 * credentials stay revoked. Who decides (platform admins) is checked here, so no caller can forget it.
 */
@Service
public class Suspensions {

    private final SuspensionStore store;
    private final AccountService accounts;
    private final Sessions sessions;
    private final CredentialRevocation revocation;
    private final Clock clock;

    Suspensions(
            SuspensionStore store,
            AccountService accounts,
            Sessions sessions,
            CredentialRevocation revocation,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.sessions = sessions;
        this.revocation = revocation;
        this.clock = clock;
    }

    /** What a suspension ended. */
    public record Suspended(String userId, long sessionsEnded, Map<String, Long> revoked) {}

    /** One suspended account as the admins' list shows it. */
    public record SuspensionView(String userId, String displayName, Instant at) {}

    public Mono<Suspended> suspend(CurrentUser admin, String userId) {
        return requireAdmin(admin)
                .then(accounts.findById(userId))
                .switchIfEmpty(Mono.error(Refusal.notFound("Account")))
                .flatMap(target -> target.admin()
                        ? Mono.error(Refusal.forbidden("A platform admin is removed from tocsin.admins, not suspended"))
                        : store.save(new SuspensionDocument(userId, admin.id(), clock.instant()))
                                // Stored first: a sign-in racing with this is refused once the sessions are gone.
                                .then(sessions.endAllOf(userId))
                                .flatMap(ended -> revocation
                                        .revokeAll(userId)
                                        .map(revoked -> new Suspended(userId, ended, revoked))));
    }

    public Mono<Void> lift(CurrentUser admin, String userId) {
        return requireAdmin(admin)
                .then(store.remove(userId))
                .filter(removed -> removed)
                .switchIfEmpty(Mono.error(Refusal.notFound("Suspension")))
                .then();
    }

    public Mono<List<SuspensionView>> list(CurrentUser admin) {
        return requireAdmin(admin)
                .then(store.all(1_000).collectList())
                .flatMap(all -> accounts.displayNames(
                                all.stream().map(SuspensionDocument::userId).toList())
                        .map(names -> all.stream()
                                .map(s -> new SuspensionView(s.userId(), names.get(s.userId()), s.at()))
                                .toList()));
    }

    /** Whether the account may not sign in. */
    Mono<Boolean> suspended(String userId) {
        return store.exists(userId);
    }

    /** Not an admin: the route does not exist for them. */
    private static Mono<Void> requireAdmin(CurrentUser user) {
        return user != null && user.admin() ? Mono.empty() : Mono.error(Refusal.notFound("Page"));
    }
}
