package org.tocsin.pages;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;
import org.tocsin.text.Digits;
import org.tocsin.text.Language;

/**
 * The words of the server's pages, per {@link Language} ({@code pages/messages*.properties}); Persian
 * falls back to English for a key it lacks. Read once at start-up (reading the jar blocks).
 */
@Component
public class PageTexts {

    private final Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);

    /** Public so the feeds' tests can build their words without an application context. */
    public PageTexts() {
        ResourceBundle.Control control =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language language : Language.values()) {
            ResourceBundle bundle = ResourceBundle.getBundle("pages.messages", language.locale(), control);
            Map<String, String> words = new HashMap<>();
            for (String key : bundle.keySet()) {
                words.put(key, bundle.getString(key));
            }
            texts.put(language, Collections.unmodifiableMap(words));
        }
    }

    /** All words of a language, for templates ({@code {{t.key}}}). */
    public Map<String, String> all(Language language) {
        return texts.get(language);
    }

    public String get(Language language, String key) {
        String text = texts.get(language).get(key);
        return text == null ? key : text;
    }

    /** A text with its {@code {0}} filled with a number, written in the language's digits. */
    public String count(Language language, String key, long n) {
        return MessageFormat.format(get(language, key).replace("'", "''"), number(language, n));
    }

    /** A text with its {@code {0}}, {@code {1}}… filled with (user-supplied) words, each isolated for bidi. */
    public String format(Language language, String key, String... words) {
        Object[] isolated = new Object[words.length];
        for (int i = 0; i < words.length; i++) {
            isolated[i] = EventTexts.FSI + words[i] + EventTexts.PDI;
        }
        return MessageFormat.format(get(language, key).replace("'", "''"), isolated);
    }

    public static String number(Language language, long n) {
        String digits = Long.toString(n);
        return language == Language.FA ? Digits.persian(digits) : digits;
    }
}
