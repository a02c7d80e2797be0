package org.tocsin.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * An event's accepted co-hosts as the co-hosting invitations (coalitions) see them. The list on the event
 * ({@code coHosts}) holds accepted co-hosts only: a pending or declined invitation lives with the
 * invitations, never on the event, so the read model, organization pages, feeds and the widget treat it as
 * absent without a rule of their own. Whoever calls {@link #add} has already decided (the invited
 * organization's ORGANIZER+ accepted).
 */
@Service
public class CoHostLinks {

    private final EventService events;
    private final EventStore store;
    private final EventChanges changes;
    private final EventIndex index;
    private final Clock clock;

    CoHostLinks(EventService events, EventStore store, EventChanges changes, EventIndex index, Clock clock) {
        this.events = events;
        this.store = store;
        this.changes = changes;
        this.index = index;
        this.clock = clock;
    }

    /** What the invitations need of an event: its host, its accepted co-hosts, its title. */
    public record Hosted(String id, String organizationId, List<String> coHosts, String title) {}

    /** The event, if the caller may see it (else 404, as for any event). */
    public Mono<Hosted> visible(CurrentUser user, String eventId) {
        return events.visible(user, eventId).map(CoHostLinks::hosted);
    }

    /** The event as stored; empty when it is gone (deleted). */
    public Mono<Hosted> stored(String eventId) {
        return store.byId(eventId).map(CoHostLinks::hosted);
    }

    /** Adds an accepted co-host; completes empty if the event is gone. */
    public Mono<Void> add(String eventId, String organizationId) {
        return change(eventId, organizationId, true);
    }

    /** Ends a co-hosting: the event leaves that organization's page, feeds and filter. */
    public Mono<Void> remove(String eventId, String organizationId) {
        return change(eventId, organizationId, false);
    }

    private Mono<Void> change(String eventId, String organizationId, boolean add) {
        return Mono.defer(() -> store.byId(eventId)
                        .filter(e -> e.coHosts().contains(organizationId) != add)
                        .flatMap(e -> {
                            List<String> next = new ArrayList<>(e.coHosts());
                            if (add) {
                                next.add(organizationId);
                            } else {
                                next.remove(organizationId);
                            }
                            // updatedAt rises: the delta-sync feed hands the event out again with its co-hosts.
                            return store.save(e.toBuilder()
                                    .coHosts(next)
                                    .updatedAt(clock.instant())
                                    .build());
                        }))
                .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance))
                // Indexed before it answers, like every write, then told to followers (feeds, webhooks).
                .flatMap(saved -> index.indexed(saved)
                        .then(
                                saved.isDraft()
                                        ? Mono.empty()
                                        : changes.publish(new EventChange.Updated(saved.id(), false, false))))
                .then();
    }

    private static Hosted hosted(EventDocument e) {
        return new Hosted(e.id(), e.organizationId(), e.coHosts(), e.title());
    }
}
