package org.tocsin.events;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import org.tocsin.kernel.Refusal;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Taking an event or a whole organization's events off every public surface, and back: the takedown
 * is stored ({@link Takedowns}), then the affected events are re-indexed, so discovery, counts, feeds,
 * the widget and search drop them before this answers. Who may do it is the moderation feature's
 * business (platform admins); this only does it.
 */
@Service
public class EventTakedowns {

    private final EventStore store;
    private final EventIndex index;
    private final Takedowns takedowns;
    private final Removals removals;
    private final CampaignService campaigns;
    private final Clock clock;

    EventTakedowns(
            EventStore store,
            EventIndex index,
            Takedowns takedowns,
            Removals removals,
            CampaignService campaigns,
            Clock clock) {
        this.campaigns = campaigns;
        this.store = store;
        this.index = index;
        this.takedowns = takedowns;
        this.removals = removals;
        this.clock = clock;
    }

    /** The event's facts, whatever its visibility or takedown, for the moderators' queue; a 404 when deleted. */
    public Mono<EventFacts> facts(String eventId) {
        return store.byId(eventId).map(EventFacts::of).switchIfEmpty(Mono.error(Refusal.notFound("Event")));
    }

    public Mono<EventFacts> hideEvent(String eventId, String moderatorId) {
        return facts(eventId)
                .flatMap(facts -> takedowns
                        .hide(Takedowns.Kind.EVENT, eventId, moderatorId)
                        .then(restamped(store.byId(eventId).flux()))
                        .thenReturn(facts));
    }

    public Mono<EventFacts> restoreEvent(String eventId) {
        return facts(eventId)
                .flatMap(facts -> takedowns
                        .restore(Takedowns.Kind.EVENT, eventId)
                        .then(restamped(store.byId(eventId).flux()))
                        .thenReturn(facts));
    }

    public Mono<Void> hideOrganization(String organizationId, String moderatorId) {
        return takedowns
                .hide(Takedowns.Kind.ORGANIZATION, organizationId, moderatorId)
                .then(restamped(store.ofOrganization(organizationId)))
                .then(partnersRestamped(organizationId));
    }

    public Mono<Void> restoreOrganization(String organizationId) {
        return takedowns
                .restore(Takedowns.Kind.ORGANIZATION, organizationId)
                .then(restamped(store.ofOrganization(organizationId)))
                .then(partnersRestamped(organizationId));
    }

    /**
     * Other organizations' events in the organization's campaigns stay public, but lose (or regain) the
     * campaign in their views: re-stamped and re-indexed, so partners' mirrors re-read them.
     */
    private Mono<Void> partnersRestamped(String organizationId) {
        return campaigns
                .idsOf(organizationId)
                .collectList()
                .filter(ids -> !ids.isEmpty())
                .flatMap(ids -> store.othersInCampaigns(ids, organizationId)
                        .concatMap(e -> store.touch(e.id(), clock.instant()))
                        .publishOn(Schedulers.boundedElastic())
                        .doOnNext(index::put)
                        .then());
    }

    /**
     * Each event re-stamped, told to the deletions feed (to strangers a takedown is a deletion, a restore a
     * return) and re-indexed: other replicas and partners' mirrors re-read what changed for them.
     */
    private Mono<Void> restamped(Flux<EventDocument> events) {
        return events.concatMap(e -> store.touch(e.id(), clock.instant()))
                .concatMap(touched -> removals.takenDown(touched).thenReturn(touched))
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(index::put)
                .then();
    }
}
