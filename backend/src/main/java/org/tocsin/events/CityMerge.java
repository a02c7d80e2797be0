package org.tocsin.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tocsin.events.internal.EventStore;
import org.tocsin.places.CityRef;
import org.tocsin.places.PlaceService;
import org.tocsin.storage.OneTimeTasks;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Before the gazetteer, a city was its key as typed: "تهران" and "Tehran" were two cities with two
 * feeds. At start-up, before requests are taken, every event's city that the gazetteer knows is moved
 * to its canonical key and name, a city given without coordinates gets the city's centre, and the old
 * city is folded into the canonical one; the old addresses redirect there ({@code web.CityRedirects}).
 * Moved events are re-indexed, whichever of this hook and the index's load runs first. Idempotent: a
 * second start changes nothing. It reads every event with a place, so it runs once per database and
 * gazetteer edition ({@link OneTimeTasks}), not at every start (10 s of each start at 100,000 events,
 * docs/discovery-benchmark.md): new writes are given the gazetteer's city as they are made.
 */
@Component
class CityMerge implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CityMerge.class);

    private final ReactiveMongoTemplate mongo;
    private final PlaceService places;
    private final EventStore store;
    private final EventIndex index;
    private final Clock clock;
    private final OneTimeTasks tasks;

    CityMerge(
            ReactiveMongoTemplate mongo,
            PlaceService places,
            EventStore store,
            EventIndex index,
            Clock clock,
            OneTimeTasks tasks) {
        this.mongo = mongo;
        this.tasks = tasks;
        this.places = places;
        this.store = store;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tasks.once("merge-cities-" + places.gazetteerEdition(), merge().doOnNext(moved -> {
                    if (moved > 0) {
                        log.info("Moved {} events to the gazetteer's cities", moved);
                    }
                }))
                .block();
    }

    /** Moves every event whose city the gazetteer knows under another key, or without coordinates. */
    Mono<Long> merge() {
        Query withPlace = Query.query(where("place.cityKey").ne(null));
        withPlace.fields().include("place");
        return mongo.find(withPlace, Document.class, "events")
                .collectList()
                .flatMapMany(events -> {
                    Map<String, CityRef> moves = new LinkedHashMap<>();
                    Map<String, List<String>> ids = new LinkedHashMap<>();
                    for (Document event : events) {
                        Document place = event.get("place", Document.class);
                        String key = place.getString("cityKey");
                        Optional<CityRef> listed =
                                places.listed(place.getString("city"), place.getString("countryCode"));
                        if (listed.isPresent() && (!listed.get().key().equals(key) || place.get("lat") == null)) {
                            moves.putIfAbsent(key, listed.get());
                            ids.computeIfAbsent(key, k -> new ArrayList<>()).add(event.getString("_id"));
                        }
                    }
                    return Flux.fromIterable(moves.entrySet())
                            .concatMap(m ->
                                    move(m.getKey(), m.getValue()).thenMany(Flux.fromIterable(ids.get(m.getKey()))));
                })
                .concatMap(id -> store.byId(id).flatMap(index::indexed))
                .count();
    }

    private Mono<Void> move(String old, CityRef city) {
        Instant now = clock.instant();
        Update centre = new Update()
                .set("place.lat", city.lat())
                .set("place.lon", city.lon())
                .set("updatedAt", now)
                .inc("version", 1);
        Update rename = new Update()
                .set("place.cityKey", city.key())
                .set("place.city", city.name())
                .set("updatedAt", now)
                .inc("version", 1);
        return mongo.updateMulti(
                        Query.query(
                                where("place.cityKey").is(old).and("place.lat").is(null)),
                        centre,
                        "events")
                .then(
                        old.equals(city.key())
                                ? Mono.empty()
                                : mongo.updateMulti(
                                        Query.query(where("place.cityKey").is(old)), rename, "events"))
                .then(old.equals(city.key()) ? Mono.<Void>empty() : places.mergeInto(old, city));
    }
}
