package org.tocsin.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The languages Tocsin's outputs speak, as the web app has them (src/locales): English and Persian. */
public enum Language {
    EN("en", "ltr", Locale.ENGLISH),
    FA("fa", "rtl", Locale.forLanguageTag("fa-IR"));

    private final String tag;
    private final String dir;
    private final Locale locale;

    Language(String tag, String dir, Locale locale) {
        this.tag = tag;
        this.dir = dir;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public String dir() {
        return dir;
    }

    public Locale locale() {
        return locale;
    }

    /** A stored or sent tag ("fa", "fa-IR", "FA"); unknown or absent ones read as English. */
    public static Language of(String tag) {
        return known(tag).orElse(EN);
    }

    static Optional<Language> known(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String base = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (Language l : values()) {
            if (l.tag.equals(base)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** {@code ?lang=} first, then the best of {@code Accept-Language}; a malformed header counts as none. */
    public static Language of(ServerHttpRequest request) {
        Optional<Language> asked = known(request.getQueryParams().getFirst("lang"));
        if (asked.isPresent()) {
            return asked.get();
        }
        List<Locale> wishes;
        try {
            wishes = request.getHeaders().getAcceptLanguageAsLocales();
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
        for (Locale wish : wishes) {
            Optional<Language> l = known(wish.getLanguage());
            if (l.isPresent()) {
                return l.get();
            }
        }
        return EN;
    }
}
