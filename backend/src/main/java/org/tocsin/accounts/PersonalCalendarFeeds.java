package org.tocsin.accounts;

import reactor.core.publisher.Mono;

/**
 * The address of a person's own calendar feed (their RSVPs), shown in {@code GET /api/v1/me}.
 * Declared here and implemented by the calendars feature, which depends on accounts, not the reverse.
 */
public interface PersonalCalendarFeeds {

    /** The full feed URL, or empty when the person has none (never issued, or revoked). */
    Mono<String> feedUrl(String userId);
}
