package org.tocsin.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPInputStream;
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
 * distinct names, instead of a map of strings. The names' search keys are normalised at build time, so loading is
 * parsing and hashing; it happens once, at start-up, beside the rest of it (figures in docs/gazetteer.md).
 */
@Component
class Gazetteer implements SmartInitializingSingleton {

    static final String RESOURCE = "/org/tocsin/places/gazetteer.tsv.gz";
    static final int COLUMNS = 10;

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

    /** What the resource holds, once it is read: see {@link #load}. */
    private record Tables(City[] cities, long[] hashes, int[] targets, CityPrefixes prefixes, String edition) {}

    /**
     * Read on a thread of its own from construction on: reading takes 1.5-2 s of a core, which the rest of
     * start-up (a single thread) would otherwise wait for; {@link #afterSingletonsInstantiated} waits for it before
     * the server takes requests, so no request ever waits, and a missing or broken resource still stops the start.
     */
    private final CompletableFuture<Tables> tables;

    Gazetteer() {
        tables = CompletableFuture.supplyAsync(
                Gazetteer::load,
                task -> Thread.ofPlatform().name("gazetteer-load").daemon().start(task));
    }

    @Override
    public void afterSingletonsInstantiated() {
        tables();
    }

    private Tables tables() {
        try {
            return tables.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Tables load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing: the backend's build makes it (backend/gazetteer/reduce.mjs)");
            }
            List<String[]> rows = read(in);
            // Largest first, so that a name two cities share goes to the larger one.
            rows.sort((a, b) -> Integer.compare(Integer.parseInt(b[6]), Integer.parseInt(a[6])));
            City[] cities = new City[rows.size()];
            Map<String, String> zones = new HashMap<>();
            Map<Long, Integer> own = new HashMap<>(rows.size() * 2);
            Map<Long, Integer> aliases = new HashMap<>(rows.size() * 32);
            CityPrefixes.Builder byPrefix = new CityPrefixes.Builder(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                String country = r[2];
                String prefix = country.toLowerCase(Locale.ROOT) + "/";
                // The keys were normalised at build time (reduce.mjs, checked against CityKeys by GazetteerTest).
                String[] keys = r[9].split(",");
                String ownKey = keys[0].isEmpty() ? CityKeys.key(r[1], country) : prefix + keys[0];
                long hash = hash(ownKey);
                String key = own.putIfAbsent(hash, i) == null ? ownKey : ownKey + "-" + r[0];
                cities[i] = new City(
                        key,
                        r[1],
                        r[7].isEmpty() ? null : r[7],
                        country,
                        zones.computeIfAbsent(r[5], z -> z),
                        Double.parseDouble(r[3]),
                        Double.parseDouble(r[4]),
                        Integer.parseInt(r[6]));
                for (int k = 1; k < keys.length; k++) {
                    aliases.putIfAbsent(hash(prefix + keys[k]), i);
                }
                // The own name and the Persian one rank before aliases; only the Persian name is normalised here.
                String persianKey = r[7].isEmpty() ? "" : String.join("-", SearchText.tokens(r[7]));
                for (int k = 0; k < keys.length; k++) {
                    byPrefix.add(keys[k], i, k == 0 || keys[k].equals(persianKey));
                }
            }
            aliases.putAll(own);
            long[] hashes = new long[aliases.size()];
            int[] targets = new int[aliases.size()];
            Long[] sorted = aliases.keySet().toArray(Long[]::new);
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                hashes[i] = sorted[i];
                targets[i] = aliases.get(sorted[i]);
            }
            return new Tables(cities, hashes, targets, byPrefix.build(), editionOf(cities, hashes, targets));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a name resolves to, and to which city's key, name and centre: equal for two builds that agree. */
    private static String editionOf(City[] cities, long[] hashes, int[] targets) {
        int h = 31 * Arrays.hashCode(hashes) + Arrays.hashCode(targets);
        for (City c : cities) {
            h = 31 * h + java.util.Objects.hash(c.key(), c.name(), c.lat(), c.lon());
        }
        return cities.length + "-" + Integer.toHexString(h);
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
        Tables t = tables();
        int at = Arrays.binarySearch(t.hashes(), hash(CityKeys.key(name, countryCode)));
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
        Tables t = tables();
        int at = Arrays.binarySearch(t.hashes(), hash(key));
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
        Tables t = tables();
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

    static List<String[]> read(InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>(26_000);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] r = line.split("\t", -1);
                if (r.length == COLUMNS) {
                    rows.add(r);
                }
            }
        }
        return rows;
    }

    /** FNV-1a over the key's UTF-16 code units, 64 bits: 480,000 keys collide with odds of about 1 in 10^8. */
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            h = (h ^ (c & 0xff)) * 0x100000001b3L;
            h = (h ^ (c >>> 8)) * 0x100000001b3L;
        }
        return h;
    }
}
