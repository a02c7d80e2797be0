package org.tocsin.places;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.result.DeleteResult;
import java.util.Collection;
import java.util.Locale;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tocsin.places.internal.CityDocument;
import reactor.core.publisher.Mono;

/**
 * Cities, derived from the events that name them. The first event in a city fixes its display
 * name and, when it gives one, the zone later events there default to.
 */
@Service
public class PlaceService {

    private final ReactiveMongoTemplate mongo;

    PlaceService(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The known city, or a new one as typed (nothing is stored until {@link #remember}). */
    public Mono<CityRef> city(String name, String countryCode) {
        String country = countryCode.strip().toUpperCase(Locale.ROOT);
        String key = CityKeys.key(name, country);
        return mongo.findById(key, CityDocument.class)
                .map(c -> new CityRef(c.key(), c.name(), c.countryCode(), c.timeZone(), null, null))
                .defaultIfEmpty(new CityRef(key, name.strip(), country, null, null, null));
    }

    /** A city some event has named, by key ("de/berlin"). */
    public Mono<CityRef> known(String key) {
        return mongo.findById(key, CityDocument.class)
                .map(c -> new CityRef(c.key(), c.name(), c.countryCode(), c.timeZone(), null, null));
    }

    /**
     * Forgets every city but {@code keep}. Cities used to be remembered from events of any visibility,
     * so a PRIVATE event in a new city made that city's public feed exist; this drops such cities.
     */
    public Mono<Long> forgetAllBut(Collection<String> keep) {
        return mongo.remove(Query.query(where("_id").nin(keep)), CityDocument.class)
                .map(DeleteResult::getDeletedCount);
    }

    /** Records a city and, if it has none yet, its zone. Idempotent; concurrent first events agree on one. */
    public Mono<Void> remember(CityRef city, String timeZone) {
        return mongo.upsert(
                        Query.query(where("_id").is(city.key())),
                        new Update()
                                .setOnInsert("name", city.name())
                                .setOnInsert("countryCode", city.countryCode())
                                .setOnInsert("timeZone", timeZone),
                        CityDocument.class)
                .then();
    }
}
