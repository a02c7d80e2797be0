package org.tocsin.accounts;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What other features hold about a person, for deleting their account ({@code DELETE /api/v1/me}): each
 * says first what erasing its part would do (the preview the person reads before confirming, and anything
 * that must be settled before), then erases it. Declared here and implemented by the features that hold
 * the data (memberships, RSVPs), which depend on accounts, not the reverse.
 */
public interface PersonalErasure {

    /** The part's name in the preview, e.g. {@code memberships}. */
    String kind();

    /** What erasing would do now; nothing is changed. */
    Mono<Preview> preview(String userId);

    /**
     * Erases the person's part; answers how many entries went. Called only when no part's preview has a
     * blocker; safe to call again after a failure half-way (what is gone stays gone).
     */
    Mono<Long> erase(String userId);

    /**
     * @param count how many entries erasing removes
     * @param details what the person should know, in their words, one entry each (at most {@link #MAX_DETAILS})
     * @param blockers what must be settled first (an organization only they own); deletion is refused
     *     while there is any
     */
    record Preview(long count, List<?> details, List<Blocker> blockers) {
        public Preview {
            details = List.copyOf(details);
            blockers = List.copyOf(blockers);
        }
    }

    /**
     * Something to settle first: an organization's slug and name, {@code reason} for programs (e.g.
     * {@code only-owner}, {@code only-member}) and {@code why} in words, saying what to do.
     */
    record Blocker(String slug, String name, String reason, String why) {}

    int MAX_DETAILS = 200;
}
