package org.tocsin.accounts;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What other features hold about a person, for their export ({@code GET /api/v1/me/export}): each gives
 * its own part, and only what is the person's own (their memberships, their RSVPs), never other people's.
 * Declared here and implemented by the features that hold the data, which depend on accounts, not the reverse.
 */
public interface PersonalData {

    /** The part's name in the export, e.g. {@code memberships}. */
    String kind();

    /** The person's entries, at most {@link #MAX_ENTRIES}. */
    Mono<List<?>> of(String userId);

    int MAX_ENTRIES = 5_000;
}
