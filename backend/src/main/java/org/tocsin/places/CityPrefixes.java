package org.tocsin.places;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.tocsin.text.SearchText;

/**
 * The gazetteer's names by prefix, for suggestions as an organizer types a city: every search key (the city's
 * own name and each alias, in any script) with the city it names, sorted, so that the keys beginning with a
 * prefix are one range found by two binary searches.
 *
 * <p>Compact on purpose (figures in docs/gazetteer.md): no object per key, no trie. The keys are UTF-8 bytes
 * laid end to end in one {@code byte[]}, sorted as unsigned bytes (UTF-8's byte order is code point order, and
 * a prefix in characters is a prefix in bytes); {@code starts} says where each key begins and {@code cities}
 * which city it names. Cities are numbered largest first, so the most populous matches are the smallest
 * numbers in the range.
 */
final class CityPrefixes {

    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final byte[] keys;
    private final int[] starts;
    /** Per key, the city's number, plus the number of cities when the key is only an alias (so it ranks later). */
    private final int[] ranks;

    private final int cityCount;

    CityPrefixes(byte[] keys, int[] starts, int[] ranks, int cityCount) {
        this.keys = keys;
        this.starts = starts;
        this.ranks = ranks;
        this.cityCount = cityCount;
    }

    /**
     * The search-key prefix a typed text stands for, as the gazetteer's keys are written (tokens joined by
     * "-"; the keys leave out one-letter words, so only the last word, still being typed, may be one letter).
     * Empty when the text has no letter or digit.
     */
    static String prefixOf(String typed) {
        String[] words = SPLIT.split(SearchText.normalise(typed));
        List<String> kept = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            boolean last = i == words.length - 1;
            if (words[i].length() >= 2 || last && !words[i].isEmpty()) {
                kept.add(words[i]);
            }
        }
        // "new " is still the word "new" being followed by another: the key goes on with "-".
        String prefix = String.join("-", kept);
        return !prefix.isEmpty() && isSeparator(typed.charAt(typed.length() - 1)) ? prefix + "-" : prefix;
    }

    private static boolean isSeparator(char c) {
        return !Character.isLetterOrDigit(c) && !Character.isSurrogate(c);
    }

    /**
     * Up to {@code limit} cities (by their number) with a key beginning with {@code prefix}: those whose own name
     * (GeoNames' or the Persian one) begins with it first, then those with such an alias, each largest first, so
     * "teh" is Tehran before Tianjin (once "Tehtsin"). The work is one pass over the matching range with a
     * {@code limit}-long list: bounded by the index's size whatever the prefix, small for two letters or more.
     */
    int[] largestStartingWith(String prefix, int limit) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        int from = boundary(p, false);
        int to = boundary(p, true);
        int[] best = new int[limit];
        int found = 0;
        scan:
        for (int i = from; i < to; i++) {
            int rank = ranks[i];
            if (found == limit && rank >= best[limit - 1]) {
                continue;
            }
            int city = rank % cityCount;
            for (int b = 0; b < found; b++) {
                if (best[b] % cityCount == city) {
                    if (best[b] <= rank) {
                        continue scan;
                    }
                    System.arraycopy(best, b + 1, best, b, found - b - 1);
                    found--;
                    break;
                }
            }
            int insert = 0;
            while (insert < found && best[insert] < rank) {
                insert++;
            }
            int keep = Math.min(found, limit - 1);
            System.arraycopy(best, insert, best, insert + 1, keep - insert);
            best[insert] = rank;
            found = Math.min(found + 1, limit);
        }
        int[] cities = new int[found];
        for (int b = 0; b < found; b++) {
            cities[b] = best[b] % cityCount;
        }
        return cities;
    }

    /** The first key that begins with {@code p} or sorts after it ({@code after}: the first that sorts after every such key). */
    private int boundary(byte[] p, boolean after) {
        int low = 0;
        int high = ranks.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = compareWithPrefix(mid, p);
            if (c < 0 || after && c == 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Below zero when key {@code i} sorts before every key beginning with {@code p}, zero when it begins with it. */
    private int compareWithPrefix(int i, byte[] p) {
        int start = starts[i];
        int length = starts[i + 1] - start;
        int n = Math.min(length, p.length);
        int c = Arrays.compareUnsigned(keys, start, start + n, p, 0, n);
        if (c != 0) {
            return c;
        }
        return length < p.length ? -1 : 0;
    }

    int size() {
        return ranks.length;
    }

    // The arrays themselves, for GazetteerFile to write: not copied, not to be changed.
    byte[] keyBytes() {
        return keys;
    }

    int[] keyStarts() {
        return starts;
    }

    int[] ranks() {
        return ranks;
    }

    /** Collects (key, city) pairs while the gazetteer is read, then sorts them once. */
    static final class Builder {

        private final int cityCount;
        private final List<byte[]> keys = new ArrayList<>(250_000);
        private int[] cities = new int[250_000];

        /** For {@code cityCount} cities, numbered largest first. */
        Builder(int cityCount) {
            this.cityCount = cityCount;
        }

        /** A city's search key; {@code ownName} for its own (or Persian) name, otherwise an alias. */
        void add(String key, int city, boolean ownName) {
            if (key.isEmpty()) {
                return;
            }
            if (keys.size() == cities.length) {
                cities = Arrays.copyOf(cities, cities.length * 2);
            }
            cities[keys.size()] = ownName ? city : city + cityCount;
            keys.add(key.getBytes(StandardCharsets.UTF_8));
        }

        CityPrefixes build() {
            int n = keys.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Arrays.compareUnsigned(keys.get(a), keys.get(b));
                return c != 0 ? c : Integer.compare(cities[a], cities[b]);
            });
            int total = 0;
            for (byte[] key : keys) {
                total += key.length;
            }
            byte[] packed = new byte[total];
            int[] starts = new int[n + 1];
            int[] sortedCities = new int[n];
            int kept = 0;
            int at = 0;
            byte[] previous = null;
            for (int i = 0; i < n; i++) {
                byte[] key = keys.get(order[i]);
                int city = cities[order[i]];
                if (previous != null && city == sortedCities[kept - 1] && Arrays.equals(previous, key)) {
                    continue;
                }
                System.arraycopy(key, 0, packed, at, key.length);
                starts[kept] = at;
                sortedCities[kept] = city;
                at += key.length;
                kept++;
                previous = key;
            }
            starts[kept] = at;
            return new CityPrefixes(
                    Arrays.copyOf(packed, at),
                    Arrays.copyOf(starts, kept + 1),
                    Arrays.copyOf(sortedCities, kept),
                    cityCount);
        }
    }
}
