package org.tocsin.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.RemovalDocument;
import org.tocsin.events.internal.RemovalStore;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tombstones of the deletions feed, written by the write that removes an event from an audience's
 * lists, before it answers (so the feed's horizon covers them as it covers the write itself):
 *
 * <ul>
 *   <li>a deleted event: a MEMBERS tombstone, and a PUBLIC one if strangers listed it then;
 *   <li>an event that stops being PUBLIC (made PRIVATE or UNLISTED): a PUBLIC tombstone, since a public
 *       mirror must drop what it may no longer show; made PUBLIC again, the tombstone is withdrawn (the
 *       event is back in the changes feed, later than it), so a mirror reading the feeds in either order
 *       ends with the event.
 * </ul>
 *
 * A hidden event's changes never touch a PUBLIC tombstone: its deletion tells strangers nothing. Each
 * decision carries the event's version, so of two concurrent edits the newer one's stands, whichever
 * stores its tombstone last.
 * Tombstones are kept {@link SyncProperties#retention()} and then dropped by a scheduled cleanup.
 */
@Service
class Removals {

    private static final Logger log = LoggerFactory.getLogger(Removals.class);

    private final RemovalStore store;
    private final SyncProperties properties;
    private final Takedowns takedowns;
    private final Clock clock;

    Removals(RemovalStore store, SyncProperties properties, Takedowns takedowns, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.takedowns = takedowns;
        this.clock = clock;
    }

    /**
     * Whether strangers list the event: {@link EventAudience}'s rule, less what moderators took down (a taken
     * down event is, to strangers, deleted; an edit of it must neither withdraw nor add its tombstone).
     */
    private boolean listedToStrangers(EventDocument event) {
        return EventAudience.listedToStrangers(event) && !takedowns.hides(event.id(), event.organizationId());
    }

    /** After an edit stored as {@code after}: strangers' lists lost or regained it, or nothing changed for them. */
    Mono<Void> edited(EventDocument before, EventDocument after) {
        boolean was = listedToStrangers(before);
        boolean is = listedToStrangers(after);
        if (was == is) {
            return Mono.empty();
        }
        return put(after, RemovalDocument.Audience.PUBLIC, is);
    }

    /**
     * After moderators took {@code touched} (the event re-stamped by the takedown) off strangers' lists, or
     * gave it back: to strangers a takedown must read exactly like a deletion, and a restore like the event
     * made PUBLIC again.
     */
    Mono<Void> takenDown(EventDocument touched) {
        return EventAudience.listedToStrangers(touched)
                ? put(touched, RemovalDocument.Audience.PUBLIC, listedToStrangers(touched))
                : Mono.empty();
    }

    /** After {@code deleted} (its tombstone state, stamped) replaced {@code before}. */
    Mono<Void> deleted(EventDocument before, EventDocument deleted) {
        Mono<Void> members = put(deleted, RemovalDocument.Audience.MEMBERS, false);
        return listedToStrangers(before) ? members.then(put(deleted, RemovalDocument.Audience.PUBLIC, false)) : members;
    }

    /**
     * After {@code erased} (what stays once its organization was deleted) replaced {@code before}: a PUBLIC
     * tombstone if strangers listed it, naming no organization; members' tombstones went with the members.
     */
    Mono<Void> erased(EventDocument before, EventDocument erased) {
        return before.deletedAt() == null && listedToStrangers(before)
                ? put(erased, RemovalDocument.Audience.PUBLIC, false)
                : Mono.empty();
    }

    private Mono<Void> put(EventDocument event, RemovalDocument.Audience audience, boolean withdrawn) {
        return store.putIfNewer(new RemovalDocument(
                RemovalDocument.idOf(event.id(), audience),
                event.id(),
                audience,
                event.organizationId(),
                event.updatedAt(),
                event.version() == null ? 0 : event.version(),
                withdrawn));
    }

    /** The tombstones a caller may see after the position, up to {@code upTo}, in feed order. */
    Flux<RemovalDocument> after(Instant at, String id, Instant upTo, Set<String> memberOf, int limit) {
        return store.removedAfter(at, id, upTo, memberOf, limit);
    }

    /** Drops tombstones older than the retention; the number dropped. */
    Mono<Long> purge() {
        return store.purge(clock.instant().minus(properties.retention()));
    }

    @Scheduled(fixedDelayString = "${tocsin.sync.cleanup-interval:PT1H}", initialDelayString = "PT2M")
    void cleanup() {
        purge().subscribe(
                        n -> {
                            if (n > 0) {
                                log.info("Dropped {} deletion-feed tombstones past their retention", n);
                            }
                        },
                        e -> log.warn("Tombstone cleanup failed; the next run retries: {}", e.toString()));
    }
}
