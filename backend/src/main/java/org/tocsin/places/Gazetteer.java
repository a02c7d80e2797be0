package org.tocsin.places;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tocsin.text.SearchText;

/**
 * The world's cities of 15,000+ people (GeoNames, CC BY 4.0), reduced at build time by
 * {@code backend/gazetteer/reduce.mjs} to a resource on the class path: nothing is looked up on the
 * network, so no third party learns which cities organizers type. A name in any script or case
 * ("تهران", "طهران", "Tehran", "TEHRAN") within a country resolves to one city; where names collide
 * (two Springfields, or a city's old name being another's name), a city's own name beats an alias and
 * the larger city wins.
 *
 * <p>Memory: names are kept once per city; the alias index is two primitive arrays (a 64-bit hash of
 * "country/normalised-name", sorted, and the city it names), about 10 MB retained for 25,000 cities and 230,000
 * distinct names, instead of a map of strings. The tables are built at build time ({@link GazetteerTables}), so
 * loading them is reading arrays ({@link GazetteerFile}); figures in docs/gazetteer.md.
 */
@Component
class Gazetteer implements SmartInitializingSingleton {

    /** One city: {@code key} is the canonical city key ("ir/tehran"), {@code nameFa} may be null. */
    record City(
            String key,
            String name,
            String nameFa,
            String countryCode,
            String timeZone,
            double lat,
            double lon,
            int population) {}

    /**
     * Read on a thread of its own from construction on, beside the rest of start-up; {@link
     * #afterSingletonsInstantiated} waits for it before the server takes requests, so no request ever waits, and a
     * missing or broken resource still stops the start.
     */
    private final CompletableFuture<GazetteerTables> tables;

    Gazetteer() {
        tables = CompletableFuture.supplyAsync(
                Gazetteer::load,
                task -> Thread.ofPlatform().name("gazetteer-load").daemon().start(task));
    }

    @Override
    public void afterSingletonsInstantiated() {
        tables();
    }

    private GazetteerTables tables() {
        try {
            return tables.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static GazetteerTables load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(GazetteerFile.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        GazetteerFile.RESOURCE
                                + " is missing: the backend's build makes it (backend/gazetteer/reduce.mjs, then GazetteerFile)");
            }
            return GazetteerFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Which gazetteer this is: it changes when a build's gazetteer resolves any name differently, or names or
     * places a city differently. Repairs of stored cities run once per edition.
     */
    String edition() {
        return tables().edition();
    }

    /** The city a name in a country means, in any script or case; empty when the gazetteer knows none. */
    Optional<City> find(String name, String countryCode) {
        if (name == null || countryCode == null || SearchText.tokens(name).isEmpty()) {
            return Optional.empty();
        }
        GazetteerTables t = tables();
        int at = Arrays.binarySearch(t.hashes(), GazetteerTables.hash(CityKeys.key(name, countryCode)));
        return at < 0 ? Optional.empty() : Optional.of(t.cities()[t.targets()[at]]);
    }

    /**
     * The city whose canonical key this is ("ir/tehran"), without normalising anything: a key is its own
     * search key, so this is one hash and a binary search (list pages ask it for every event they show).
     */
    Optional<City> byKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        GazetteerTables t = tables();
        int at = Arrays.binarySearch(t.hashes(), GazetteerTables.hash(key));
        return at < 0
                ? Optional.empty()
                : Optional.of(t.cities()[t.targets()[at]]).filter(c -> c.key().equals(key));
    }

    /**
     * The largest cities (at most {@code limit}) with a name or alias, in any script, beginning with what was
     * typed ("teh", "تهر", "bielef"), largest first; empty when the text has no letter or digit.
     */
    List<City> startingWith(String typed, int limit) {
        String prefix = CityPrefixes.prefixOf(typed);
        if (prefix.isEmpty()) {
            return List.of();
        }
        GazetteerTables t = tables();
        int[] found = t.prefixes().largestStartingWith(prefix, limit);
        List<City> result = new ArrayList<>(found.length);
        for (int city : found) {
            result.add(t.cities()[city]);
        }
        return result;
    }

    CityPrefixes prefixes() {
        return tables().prefixes();
    }

    int size() {
        return tables().cities().length;
    }

    int names() {
        return tables().hashes().length;
    }
}
