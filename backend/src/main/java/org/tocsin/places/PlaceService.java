package org.tocsin.places;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.result.DeleteResult;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private final Gazetteer gazetteer;

    PlaceService(ReactiveMongoTemplate mongo, Gazetteer gazetteer) {
        this.mongo = mongo;
        this.gazetteer = gazetteer;
    }

    /** Which gazetteer this build has ({@link Gazetteer#edition}). */
    public String gazetteerEdition() {
        return gazetteer.edition();
    }

    /**
     * The city a name means. A name the gazetteer knows, in any script ("تهران", "Tehran"), is that one
     * city: its canonical key, GeoNames' name, zone and centre. Any other is the known city of that key,
     * or a new one as typed (nothing is stored until {@link #remember}).
     */
    public Mono<CityRef> city(String name, String countryCode) {
        String country = countryCode.strip().toUpperCase(Locale.ROOT);
        Optional<CityRef> listed = gazetteer.find(name, country).map(PlaceService::ref);
        if (listed.isPresent()) {
            return Mono.just(listed.get());
        }
        String key = CityKeys.key(name, country);
        return mongo.findById(key, CityDocument.class)
                .map(c -> new CityRef(c.key(), c.name(), c.countryCode(), c.timeZone(), null, null))
                .defaultIfEmpty(new CityRef(key, name.strip(), country, null, null, null));
    }

    /** The gazetteer's city for a name, if it has one: the canonical key an alias key merges into. */
    public Optional<CityRef> listed(String name, String countryCode) {
        return gazetteer
                .find(name, countryCode.strip().toUpperCase(Locale.ROOT))
                .map(PlaceService::ref);
    }

    /** The key a city filter names: the gazetteer's city for any of its names, else the key as typed. */
    public String key(String name, String countryCode) {
        return listed(name, countryCode).map(CityRef::key).orElseGet(() -> CityKeys.key(name, countryCode));
    }

    /** The Persian name of a city by its key, when the gazetteer has one ("ir/tehran" is "تهران"). */
    public Optional<String> persianName(String key) {
        return gazetteer.byKey(key).map(Gazetteer.City::nameFa);
    }

    /**
     * A city's names in the languages the gazetteer has them, by language tag ({@code {"fa": "تهران"}}), for
     * outputs in those languages; null when it has none (a city it does not know, or one without a Persian name).
     */
    public Map<String, String> names(String key) {
        return persianName(key).map(fa -> Map.of("fa", fa)).orElse(null);
    }

    /** A city's name in a language ("fa"): the gazetteer's name there if it has one, else the city's own. */
    public String nameIn(CityRef city, String languageTag) {
        Map<String, String> names = names(city.key());
        return names == null ? city.name() : names.getOrDefault(languageTag, city.name());
    }

    /** A city some event has named, by key ("de/berlin"). */
    public Mono<CityRef> known(String key) {
        return mongo.findById(key, CityDocument.class)
                .map(c -> new CityRef(c.key(), c.name(), c.countryCode(), c.timeZone(), null, null));
    }

    /**
     * Folds a city stored under an older key (before the gazetteer, "ir/تهران") into its canonical city:
     * the canonical one is remembered (with the old zone if it had none) and the old key forgotten.
     */
    public Mono<Void> mergeInto(String oldKey, CityRef canonical) {
        return mongo.findById(oldKey, CityDocument.class)
                .flatMap(old -> remember(canonical, old.timeZone()))
                .then(mongo.remove(Query.query(where("_id").is(oldKey)), CityDocument.class))
                .then();
    }

    private static CityRef ref(Gazetteer.City c) {
        return new CityRef(c.key(), c.name(), c.countryCode(), c.timeZone(), c.lat(), c.lon());
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
