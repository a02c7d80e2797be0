package org.tocsin.accounts;

import reactor.core.publisher.Mono;

/**
 * Credentials made with an account: its API tokens, and those other features keep, such as the
 * capability URLs a calendar app polls without signing in. A password change means "someone else may have had my account", and
 * whoever had it may have made these too, so it revokes them all ({@link PasswordChanges}).
 * Declared here and implemented by whoever holds them (the features depend on accounts, not the reverse).
 */
public interface HeldCredentials {

    /** What the password change's answer calls them, e.g. {@code calendarFeed}. */
    String kind();

    /** Revokes every one the user holds; answers how many there were. */
    Mono<Long> revokeAll(String userId);
}
