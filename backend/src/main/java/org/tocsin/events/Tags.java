package org.tocsin.events;

import java.text.Normalizer;
import java.util.Locale;

/** Tags compare case-insensitively: "#FreeThemAll" and "freethemall" are one tag. */
public final class Tags {

    private Tags() {}

    public static String normalise(String tag) {
        String t = Normalizer.normalize(tag.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return t.startsWith("#") ? t.substring(1) : t;
    }
}
