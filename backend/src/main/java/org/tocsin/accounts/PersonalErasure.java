package org.tocsin.accounts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * Erases the person's part, with the organizations they chose to delete along with the account (slugs of
     * organizations they alone own; checked against the preview's blockers before). Only the part that
     * holds memberships does anything with them.
     */
    default Mono<Long> erase(String userId, Set<String> deleteOrganizations) {
        return erase(userId);
    }

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
     * {@code only-owner}, {@code only-member}) and {@code why} in words, saying what to do. The two ways
     * out: hand it on to one of {@code handOnTo} (its other members, made OWNER by the role change), or
     * delete it with the account ({@code deleteOrganizations}), which removes what {@code deletes} counts.
     */
    record Blocker(
            String slug, String name, String reason, String why, List<Successor> handOnTo, Map<String, Long> deletes) {
        public Blocker {
            handOnTo = List.copyOf(handOnTo);
            deletes = Collections.unmodifiableMap(new LinkedHashMap<>(deletes));
        }
    }

    /** A member who could be made OWNER: their id (for the role change), name and current role. */
    record Successor(String userId, String displayName, String role) {}

    int MAX_DETAILS = 200;
}
