package org.tocsin.organizations;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL-safe names: lower-case ASCII letters, digits and single hyphens, 2 to 64 characters. */
final class Slugs {

    static final Pattern VALID = Pattern.compile("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,63}$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    static boolean isValid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }

    /**
     * "Frauen für Freiheit" becomes "frauen-fur-freiheit". A name with no Latin letters (a Persian
     * name, say) yields {@code fallback}: transliterating it would guess wrong as often as right.
     */
    static String derive(String name, String fallback) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        String slug = NOT_SLUG.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > 56) {
            slug = slug.substring(0, 56).replaceAll("-+$", "");
        }
        return slug.length() >= 2 ? slug : fallback;
    }
}
