package org.tocsin.events;

import org.springframework.stereotype.Service;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import reactor.core.publisher.Flux;

/**
 * The ids of every event an organization has (deleted ones included), for the features that hold data
 * per event and must erase it when the organization is deleted (RSVPs, webhook memory), before the events
 * themselves go ({@link EventsOfDeletedOrganization}).
 */
@Service
public class OrganizationEvents {

    private final EventStore store;

    OrganizationEvents(EventStore store) {
        this.store = store;
    }

    public Flux<String> ids(String organizationId) {
        return store.allOfOrganization(organizationId).map(EventDocument::id);
    }
}
