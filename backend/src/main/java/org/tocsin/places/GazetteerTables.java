package org.tocsin.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.tocsin.places.Gazetteer.City;
import org.tocsin.text.SearchText;

/**
 * What the gazetteer holds in memory: its cities, numbered largest first; the sorted 64-bit hashes of every
 * "country/search-key" with the city each names; the prefix index; and the edition. Made at build time from
 * {@code reduce.mjs}' table ({@link #fromRows}) and shipped in {@link GazetteerFile}'s binary form, so that a
 * start-up only reads arrays: building them took 1.5-3 CPU-seconds and a long JIT compilation, on a two-core
 * machine a second of every start.
 */
record GazetteerTables(City[] cities, long[] hashes, int[] targets, CityPrefixes prefixes, String edition) {

    static final int COLUMNS = 10;

    /** The rows of {@code reduce.mjs}' gzipped table (columns in its header comment). */
    static List<String[]> readRows(InputStream in) throws IOException {
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

    /** The tables for {@code reduce.mjs}' rows: a city's own name beats an alias, and the larger city wins. */
    static GazetteerTables fromRows(List<String[]> table) {
        List<String[]> rows = new ArrayList<>(table);
        // Largest first, so that a name two cities share goes to the larger one.
        rows.sort((a, b) -> Integer.compare(Integer.parseInt(b[6]), Integer.parseInt(a[6])));
        City[] cities = new City[rows.size()];
        Map<Long, Integer> own = new HashMap<>(rows.size() * 2);
        Map<Long, Integer> aliases = new HashMap<>(rows.size() * 32);
        CityPrefixes.Builder byPrefix = new CityPrefixes.Builder(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String country = r[2];
            String prefix = country.toLowerCase(Locale.ROOT) + "/";
            // The keys were normalised by reduce.mjs (checked against CityKeys by GazetteerTest).
            String[] keys = r[9].split(",");
            String ownKey = keys[0].isEmpty() ? CityKeys.key(r[1], country) : prefix + keys[0];
            long hash = hash(ownKey);
            String key = own.putIfAbsent(hash, i) == null ? ownKey : ownKey + "-" + r[0];
            cities[i] = new City(
                    key,
                    r[1],
                    r[7].isEmpty() ? null : r[7],
                    country,
                    r[5],
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
        long[] hashes =
                aliases.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int[] targets = new int[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            targets[i] = aliases.get(hashes[i]);
        }
        return new GazetteerTables(cities, hashes, targets, byPrefix.build(), editionOf(cities, hashes, targets));
    }

    /** What a name resolves to, and to which city's key, name and centre: equal for two builds that agree. */
    private static String editionOf(City[] cities, long[] hashes, int[] targets) {
        int h = 31 * Arrays.hashCode(hashes) + Arrays.hashCode(targets);
        for (City c : cities) {
            h = 31 * h + Objects.hash(c.key(), c.name(), c.lat(), c.lon());
        }
        return cities.length + "-" + Integer.toHexString(h);
    }

    /** FNV-1a over the key's UTF-16 code units, 64 bits: 480,000 keys collide with odds of about 1 in 10^8. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            h = (h ^ (c & 0xff)) * 0x100000001b3L;
            h = (h ^ (c >>> 8)) * 0x100000001b3L;
        }
        return h;
    }
}
