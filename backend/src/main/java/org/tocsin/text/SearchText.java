package org.tocsin.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Search without a text index (the embedded server has no $text): documents store normalised
 * terms; a query matches when each of its words is a prefix of some term. Normalising folds case
 * and Latin accents, unifies Arabic and Persian letter forms (ي/ی, ك/ک, ة/ه, hamza-carrying alefs),
 * drops harakat, tatweel and zero-width joiners, and reads Persian and Arabic-Indic digits as ASCII,
 * so "تهران" typed on an Arabic keyboard still finds the Tehran vigil.
 */
public final class SearchText {

    private static final Pattern LATIN_MARKS = Pattern.compile("[\\p{InCombiningDiacriticalMarks}]");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {}

    public static String normalise(String text) {
        String nfkd = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(nfkd.length());
        for (int i = 0; i < nfkd.length(); i++) {
            char c = nfkd.charAt(i);
            switch (c) {
                case 'ي', 'ى', 'ئ' -> out.append('ی');
                case 'ك' -> out.append('ک');
                case 'ة' -> out.append('ه');
                case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
                case 'ؤ' -> out.append('و');
                case '\u0640', '\u200C', '\u200D', '\u200F', '\u200E' -> {}
                default -> {
                    if (c >= '\u064B' && c <= '\u065F' || c == '\u0670') {
                        continue;
                    }
                    if (c >= '\u06F0' && c <= '\u06F9') {
                        out.append((char) ('0' + (c - '\u06F0')));
                    } else if (c >= '\u0660' && c <= '\u0669') {
                        out.append((char) ('0' + (c - '\u0660')));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        // NFKD split hamza-on-alef into alef + U+0654 (dropped above); strip Latin accents last.
        return LATIN_MARKS.matcher(out).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The distinct terms of some texts, for storing beside a document. */
    public static List<String> terms(String... texts) {
        Set<String> terms = new TreeSet<>();
        for (String text : texts) {
            if (text != null) {
                terms.addAll(tokens(text));
            }
        }
        return List.copyOf(terms);
    }

    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : SPLIT.split(normalise(text))) {
            if (token.length() >= 2) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Every query word is the start of some stored term ("tehr" finds "Tehran"). An empty query matches. */
    public static boolean matches(List<String> terms, List<String> queryTokens) {
        for (String token : queryTokens) {
            boolean found = false;
            for (String term : terms) {
                if (term.startsWith(token)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
