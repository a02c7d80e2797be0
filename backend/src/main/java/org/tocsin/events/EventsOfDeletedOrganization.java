package org.tocsin.events;

import java.time.Clock;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import org.tocsin.events.internal.PrivateNoteStore;
import org.tocsin.events.internal.RemovalStore;
import org.tocsin.organizations.OrganizationErasure;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Mono;

/**
 * A deleted organization's events. Other organizations' events in its campaigns leave them first (they
 * stay, on their own pages). Then each of its events is replaced by what {@link EventDocument#erased}
 * keeps (an id and a deletion stamp, so other replicas' read models drop it), with a PUBLIC tombstone in
 * the deletions feed if strangers listed it (as an event deletion writes, {@link Removals}), its notes
 * for attendees and any takedown of it gone, and is dropped from the index before the request answers.
 * Its members' tombstones go; its public ones stay without the organization's id.
 */
@Component
@Order(OrganizationErasure.Order.EVENTS)
class EventsOfDeletedOrganization implements OrganizationErasure {

    private final EventStore store;
    private final RemovalStore removalStore;
    private final Removals removals;
    private final PrivateNoteStore notes;
    private final EventIndex index;
    private final CampaignService campaigns;
    private final CampaignLinks links;
    private final Takedowns takedowns;
    private final Clock clock;

    EventsOfDeletedOrganization(
            EventStore store,
            RemovalStore removalStore,
            Removals removals,
            PrivateNoteStore notes,
            EventIndex index,
            CampaignService campaigns,
            CampaignLinks links,
            Takedowns takedowns,
            Clock clock) {
        this.store = store;
        this.removalStore = removalStore;
        this.removals = removals;
        this.notes = notes;
        this.index = index;
        this.campaigns = campaigns;
        this.links = links;
        this.takedowns = takedowns;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "events";
    }

    @Override
    public Mono<Long> count(String organizationId) {
        return store.countOfOrganization(organizationId);
    }

    @Override
    public Mono<Long> erase(String organizationId) {
        Mono<Void> othersLeaveItsCampaigns = campaigns
                .idsRunBy(organizationId)
                .collectList()
                .flatMapMany(store::inCampaigns)
                .filter(e -> !organizationId.equals(e.organizationId()))
                .concatMap(e -> links.unlink(e.id(), e.campaignId()))
                .then();
        return othersLeaveItsCampaigns
                .then(removalStore.forgetOrganization(organizationId))
                .thenMany(store.allOfOrganization(organizationId))
                .concatMap(this::erase)
                .count();
    }

    private Mono<EventDocument> erase(EventDocument before) {
        EventDocument erased = before.erased(clock.instant());
        return store.save(erased)
                .flatMap(saved -> removals.erased(before, saved).thenReturn(saved))
                .flatMap(saved -> notes.delete(saved.id()).thenReturn(saved))
                .flatMap(index::indexed)
                .flatMap(saved -> takedowns.eventHidden(saved.id())
                        ? takedowns.restore(Takedowns.Kind.EVENT, saved.id()).thenReturn(saved)
                        : Mono.just(saved));
    }
}
