package org.tocsin.places;

import java.util.Locale;
import org.tocsin.text.SearchText;

/**
 * One key per city: "Berlin", " BERLIN " and "berlin" in DE are all "de/berlin"; "Zürich" and
 * "Zurich" meet at "ch/zurich"; a Persian name keeps its letters ("ir/تهران").
 */
public final class CityKeys {

    private CityKeys() {}

    public static String key(String city, String countryCode) {
        String name = String.join("-", SearchText.tokens(city));
        if (name.isEmpty()) {
            name = city.strip().toLowerCase(Locale.ROOT);
        }
        return countryCode.strip().toLowerCase(Locale.ROOT) + "/" + name;
    }
}
