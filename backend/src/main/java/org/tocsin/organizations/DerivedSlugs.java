package org.tocsin.organizations;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** A URL name made from an organization's name when none is given (see {@link org.tocsin.kernel.Slugs}). */
final class DerivedSlugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private DerivedSlugs() {}

    /**
     * "Frauen für Freiheit" becomes "frauen-fur-freiheit". A name with no Latin letters (a Persian
     * name, say) yields {@code fallback}: transliterating it would guess wrong as often as right.
     */
    static String derive(String name, String fallback) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        String slug = NOT_SLUG.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > 56) {
            slug = slug.substring(0, 56).replaceAll("-+$", "");
        }
        return slug.length() >= 2 ? slug : fallback;
    }
}
