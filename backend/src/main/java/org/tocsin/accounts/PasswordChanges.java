package org.tocsin.accounts;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Changing the password ends every other session of the account and revokes every credential made
 * with it (every {@link HeldCredentials}: API tokens, personal and organization calendar-feed URLs):
 * someone who took the account over may have made some, and must not keep access through them. The
 * session that changed it stays signed in. Its own service, not {@link AccountService}'s: sessions and
 * API tokens are built on the account service, so the orchestration sits above all three.
 */
@Service
class PasswordChanges {

    private final AccountService accounts;
    private final Sessions sessions;
    private final CredentialRevocation revocation;

    PasswordChanges(AccountService accounts, Sessions sessions, CredentialRevocation revocation) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.revocation = revocation;
    }

    /**
     * What a password change ended, so the person knows what to make anew: {@code revoked} counts, by
     * kind, the credentials that stopped working ({@code apiTokens}, {@code calendarFeed} for the
     * personal RSVP calendar, {@code organizationFeeds} for members-only calendar feeds).
     */
    record PasswordChanged(long otherSessionsEnded, Map<String, Long> revoked, String message) {}

    Mono<PasswordChanged> change(
            CurrentUser user, String currentPassword, String newPassword, ServerWebExchange exchange) {
        return accounts.changePassword(user.id(), currentPassword, newPassword)
                .then(Mono.defer(() -> sessions.endOthers(exchange, user.id())))
                .flatMap(sessionsEnded -> revocation
                        .revokeAll(user.id())
                        .map(revoked -> new PasswordChanged(sessionsEnded, revoked, message(sessionsEnded, revoked))));
    }

    private static String message(long sessionsEnded, Map<String, Long> revoked) {
        long credentials = revoked.values().stream().mapToLong(Long::longValue).sum();
        return "Password changed. " + sessionsEnded + " other session(s) signed out; " + credentials
                + " API token(s) and calendar-feed address(es) revoked. Make new ones where you still need them.";
    }
}
