package org.tocsin.rsvps;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.PersonalData;
import org.tocsin.accounts.PersonalErasure;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import reactor.core.publisher.Mono;

/**
 * A person's own RSVPs, when they delete their account. Those of ended occurrences are deleted, as the
 * retention cleanup would; those still ahead lose everything that was the person's (name, email, manage
 * link, account) and keep only their places, under {@link #NO_NAME}: so every count, public or the
 * organizers', stays as it was (the "counts stay"), and the seat repair, which adds up the RSVPs of
 * occurrences ahead, finds nothing to correct. Guests' RSVPs are tied to no account and are not touched.
 */
@Component
class RsvpErasure implements PersonalErasure {

    static final String NO_NAME = "(deleted account)";

    private final RsvpStore store;
    private final Clock clock;

    RsvpErasure(RsvpStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** How many of the person's RSVPs are for occurrences still ahead and how many for ended ones. */
    record Summary(long upcoming, long past) {}

    @Override
    public String kind() {
        return "rsvps";
    }

    @Override
    public Mono<Preview> preview(String userId) {
        Instant now = clock.instant();
        return store.ofUser(userId, EnumSet.allOf(RsvpState.class))
                .take(PersonalData.MAX_ENTRIES)
                .collectList()
                .map(list -> {
                    long past = list.stream()
                            .filter(r -> r.occurrenceEndUtc().isBefore(now))
                            .count();
                    return new Preview(list.size(), List.of(new Summary(list.size() - past, past)), List.of());
                });
    }

    @Override
    public Mono<Long> erase(String userId) {
        Instant now = clock.instant();
        return store.deleteOfUserEndedBefore(userId, now)
                .flatMap(deleted -> store.ofUser(userId, EnumSet.allOf(RsvpState.class))
                        .concatMap((RsvpDocument r) -> store.anonymise(r, NO_NAME, now))
                        .count()
                        .map(anonymised -> deleted + anonymised));
    }
}
