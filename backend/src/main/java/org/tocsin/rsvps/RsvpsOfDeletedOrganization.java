package org.tocsin.rsvps;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tocsin.events.OrganizationEvents;
import org.tocsin.organizations.OrganizationErasure;
import org.tocsin.rsvps.internal.RsvpStore;
import org.tocsin.rsvps.internal.SeatCounters;
import reactor.core.publisher.Mono;

/**
 * The RSVPs (and seat counters) of a deleted organization's events, before the events go: found through
 * them, so they must still be there. Nobody is mailed: the organization's events vanish with it.
 */
@Component
@Order(OrganizationErasure.Order.BY_EVENT)
class RsvpsOfDeletedOrganization implements OrganizationErasure {

    private final OrganizationEvents events;
    private final RsvpStore store;
    private final SeatCounters counters;

    RsvpsOfDeletedOrganization(OrganizationEvents events, RsvpStore store, SeatCounters counters) {
        this.events = events;
        this.store = store;
        this.counters = counters;
    }

    @Override
    public String kind() {
        return "rsvps";
    }

    @Override
    public Mono<Long> count(String organizationId) {
        return events.ids(organizationId).concatMap(store::countOfEvent).reduce(0L, Long::sum);
    }

    @Override
    public Mono<Long> erase(String organizationId) {
        return events.ids(organizationId)
                .concatMap(id -> store.deleteOfEvent(id)
                        .flatMap(n -> counters.deleteOfEvent(id).thenReturn(n)))
                .reduce(0L, Long::sum);
    }
}
