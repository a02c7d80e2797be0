package org.tocsin.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.storage.DatabaseSharing;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The delta-sync feeds for partners mirroring Tocsin: the events a caller lists (deleted ones aside;
 * cancelled ones with their status) in (updatedAt, id) order, and the tombstones of what left their lists
 * ({@link Removals}), each read from a position up to the horizon ({@link SyncProperties#horizon()}).
 * With a shared database both are read from it, not the in-process index: another replica's write is there as
 * soon as it is committed, and the horizon is what makes "committed" safe to rely on. On the embedded database
 * (this process's alone, every write seen as it is made) the changes' order comes from {@link ChangeOrder} and
 * only the page's events are read, by id: that server answers the order query by reading every event. A page
 * holds only what the caller lists ({@link EventAudience}), so its items, its size and where it ends say
 * nothing of the rest.
 */
@Service
class DeltaSync {

    private final EventStore events;
    private final Removals removals;
    private final EventViews views;
    private final OrganizationAccess access;
    private final SyncProperties properties;
    private final Takedowns takedowns;
    private final ChangeOrder order;
    private final boolean sharedDatabase;
    private final Clock clock;

    DeltaSync(
            EventStore events,
            ChangeOrder order,
            DatabaseSharing sharing,
            Removals removals,
            EventViews views,
            OrganizationAccess access,
            SyncProperties properties,
            Takedowns takedowns,
            Clock clock) {
        this.takedowns = takedowns;
        this.order = order;
        this.sharedDatabase = sharing.othersWrite();
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
                .flatMap(roles -> listedChanges(after, upTo, roles.keySet(), limit + 1)
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

    /** Up to {@code max} events the caller lists changed after {@code after}, at the latest at {@code upTo}, in order. */
    private Flux<EventDocument> listedChanges(SyncCursor after, Instant upTo, Set<String> memberOf, int max) {
        if (sharedDatabase) {
            return events.listedChanges(
                    after.at(),
                    after.id(),
                    upTo,
                    memberOf,
                    new EventStore.TakenDown(
                            takedowns.hidden(Takedowns.Kind.EVENT), takedowns.hidden(Takedowns.Kind.ORGANIZATION)),
                    max);
        }
        List<String> ids = order.after(after.at(), after.id(), upTo, memberOf, max);
        // Read by id, then checked as the query checks: a write since may have moved or hidden one.
        return events.byIds(ids)
                .collectMap(EventDocument::id)
                .flatMapIterable(found -> ids.stream()
                        .map(found::get)
                        .filter(e -> e != null && changedWithin(e, after, upTo) && listedTo(e, memberOf))
                        .toList());
    }

    private static boolean changedWithin(EventDocument event, SyncCursor after, Instant upTo) {
        ChangeOrder.Key key = new ChangeOrder.Key(event.updatedAt().toEpochMilli(), event.id());
        return key.compareTo(new ChangeOrder.Key(after.at().toEpochMilli(), after.id())) > 0
                && key.updatedAt() <= upTo.toEpochMilli();
    }

    /** {@code EventStore.listedChanges}'s audience: strangers' events, and the caller's organizations' own. */
    private boolean listedTo(EventDocument event, Set<String> memberOf) {
        return memberOf.contains(event.organizationId())
                || event.visibility() == Visibility.PUBLIC
                        && !event.isDraft()
                        && !takedowns.hides(event.id(), event.organizationId());
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
