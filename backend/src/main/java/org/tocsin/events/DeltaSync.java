package org.tocsin.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.EventStore;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Mono;

/**
 * The delta-sync feeds for partners mirroring Tocsin: the events a caller lists (deleted ones aside;
 * cancelled ones with their status) in (updatedAt, id) order, and the tombstones of what left their lists
 * ({@link Removals}), each read from a position up to the horizon ({@link SyncProperties#horizon()}).
 * Both are read from the database, not the in-process index: another replica's write is there as soon
 * as it is committed, and the horizon is what makes "committed" safe to rely on. A page holds only what
 * the caller lists ({@link EventAudience}), so its items, its size and where it ends say nothing of the rest.
 */
@Service
class DeltaSync {

    private final EventStore events;
    private final Removals removals;
    private final EventViews views;
    private final OrganizationAccess access;
    private final SyncProperties properties;
    private final Takedowns takedowns;
    private final Clock clock;

    DeltaSync(
            EventStore events,
            Removals removals,
            EventViews views,
            OrganizationAccess access,
            SyncProperties properties,
            Takedowns takedowns,
            Clock clock) {
        this.takedowns = takedowns;
        this.events = events;
        this.removals = removals;
        this.views = views;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
    }

    /** One page of a feed: its items, whether more are ready now, and the position to go on (or poll) from. */
    record Page<T>(List<T> items, boolean more, SyncCursor resume) {}

    /** A tombstone as partners see it: which event left their lists and when; nothing else. */
    record Removed(String id, Instant deletedAt) {}

    Mono<Page<EventView>> changes(CurrentUser user, SyncCursor after, int limit) {
        Instant upTo = horizon();
        return access.roles(user)
                .flatMap(roles -> events.listedChanges(
                                after.at(),
                                after.id(),
                                upTo,
                                roles.keySet(),
                                new EventStore.TakenDown(
                                        takedowns.hidden(Takedowns.Kind.EVENT),
                                        takedowns.hidden(Takedowns.Kind.ORGANIZATION)),
                                limit + 1)
                        .collectList()
                        .flatMap(found -> {
                            boolean more = found.size() > limit;
                            var page = more ? found.subList(0, limit) : found;
                            SyncCursor resume = page.isEmpty()
                                    ? after
                                    : new SyncCursor(
                                            SyncCursor.CHANGES,
                                            page.getLast().updatedAt(),
                                            page.getLast().id());
                            return views.views(page.stream()
                                            .map(e -> new EventViews.Item(e, null, EventPermissions.in(roles, e)))
                                            .toList())
                                    .map(items -> new Page<>(items, more, resume));
                        }));
    }

    Mono<Page<Removed>> removals(CurrentUser user, SyncCursor after, int limit) {
        Instant upTo = horizon();
        return access.roles(user)
                .flatMap(roles -> removals.after(after.at(), after.id(), upTo, roles.keySet(), limit + 1)
                        .collectList()
                        .map(found -> {
                            boolean more = found.size() > limit;
                            var page = more ? found.subList(0, limit) : found;
                            SyncCursor resume = page.isEmpty()
                                    ? after
                                    : new SyncCursor(
                                            SyncCursor.REMOVALS,
                                            page.getLast().removedAt(),
                                            page.getLast().id());
                            return new Page<>(
                                    page.stream()
                                            .map(r -> new Removed(r.eventId(), r.removedAt()))
                                            .toList(),
                                    more,
                                    resume);
                        }));
    }

    /** Nothing newer than this is handed out: a write stamped earlier has committed by now (the documented bound). */
    private Instant horizon() {
        return clock.instant().minus(properties.horizon());
    }
}
