package org.tocsin.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tocsin.events.internal.EventStore;
import org.tocsin.places.PlaceService;
import org.tocsin.storage.OneTimeTasks;
import reactor.core.publisher.Mono;

/**
 * A known city is public (it has a feed, a name and a default zone strangers see), so only PUBLIC
 * events make a city known ({@link EventService}). Data stored before that rule may hold cities
 * that only non-public events named: they are forgotten at start-up, before requests are taken, once per
 * database (the rule holds for every write since, and the repair reads every event).
 */
@Component
class PublicCities implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PublicCities.class);

    private final EventStore store;
    private final PlaceService places;
    private final OneTimeTasks tasks;

    PublicCities(EventStore store, PlaceService places, OneTimeTasks tasks) {
        this.store = store;
        this.places = places;
        this.tasks = tasks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tasks.once("forget-cities-no-public-event-names", forgetCitiesNoPublicEventNames())
                .block();
    }

    Mono<Long> forgetCitiesNoPublicEventNames() {
        return store.publicCityKeys()
                .collectList()
                .flatMap(places::forgetAllBut)
                .doOnNext(forgotten -> {
                    if (forgotten > 0) {
                        log.info("Forgot {} cities that no public event names", forgotten);
                    }
                });
    }
}
