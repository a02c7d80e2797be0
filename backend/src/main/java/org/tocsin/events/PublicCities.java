package org.tocsin.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tocsin.events.internal.EventStore;
import org.tocsin.places.PlaceService;

/**
 * A known city is public (it has a feed, a name and a default zone strangers see), so only PUBLIC
 * events make a city known ({@link EventService}). Data stored before that rule may hold cities
 * that only non-public events named: they are forgotten at start-up, before requests are taken.
 */
@Component
class PublicCities implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PublicCities.class);

    private final EventStore store;
    private final PlaceService places;

    PublicCities(EventStore store, PlaceService places) {
        this.store = store;
        this.places = places;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Long forgotten = store.publicCityKeys()
                .collectList()
                .flatMap(places::forgetAllBut)
                .block();
        if (forgotten != null && forgotten > 0) {
            log.info("Forgot {} cities that no public event names", forgotten);
        }
    }
}
