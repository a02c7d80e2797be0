package org.tocsin.text;

/**
 * Numbers as people type them: Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits read
 * as ASCII ones, so "۳" guests are 3 guests, not a refused or dropped field.
 */
public final class Digits {

    private Digits() {}

    /** ASCII digits written as Persian ones ("18:00" → "۱۸:۰۰"). */
    public static String persian(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        }
        return out.toString();
    }

    /** The text with Persian and Arabic-Indic digits made ASCII; other characters unchanged. */
    public static String ascii(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '۰' && c <= '۹') {
                out.append((char) ('0' + (c - '۰')));
            } else if (c >= '٠' && c <= '٩') {
                out.append((char) ('0' + (c - '٠')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
