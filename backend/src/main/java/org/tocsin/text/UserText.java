package org.tocsin.text;

import java.text.Normalizer;

/**
 * What people type, made safe to store, and what is stored, made safe to write out.
 *
 * <p>On input ({@link #oneLine}, {@link #multiLine}): Unicode NFC, so "e" + U+0301 and "é" are one
 * title, one tag, one city; bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * are removed, since they let a title display as something else than it says (U+202E turns
 * "gpj.exe" around) and a reader cannot see them; and text holding a control character or half a
 * surrogate pair is refused, naming the character: those break Atom, iCalendar and CSV for every
 * subscriber and never come from a keyboard. Multi-line text keeps newlines (CR LF and CR read as
 * LF) and tabs. The left-to-right and right-to-left marks (U+200E, U+200F) stay: they only
 * steer punctuation in mixed Persian and Latin text and cannot reverse it.
 *
 * <p>On output ({@link #printable}): a writer drops what its format cannot carry, so text stored
 * before these rules (or by a path that skipped them) still makes a well-formed document.
 */
public final class UserText {

    /** The message for a single-line field (the same as the RSVP name's, which had it first). */
    public static final String ONE_LINE = "must be one line without control characters";

    public static final String MULTI_LINE = "must not contain control characters other than line breaks and tabs";

    private UserText() {}

    /** Text refused on input, with the reason to show the client next to the field name. */
    public static final class Refused extends IllegalArgumentException {

        Refused(String reason) {
            super(reason);
        }

        /** Client input, not a bug: no stack trace to fill. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** A name, a title, a city: no line breaks, no tabs, no other controls. */
    public static String oneLine(String text) {
        return clean(text, false);
    }

    /** A description: line breaks (as LF) and tabs allowed, no other controls. */
    public static String multiLine(String text) {
        return clean(text, true);
    }

    private static String clean(String text, boolean multiLine) {
        if (text == null || isPlainAscii(text)) {
            return text;
        }
        String t = multiLine ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
        StringBuilder kept = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            if (isLoneSurrogate(c)) {
                throw new Refused("contains half of a surrogate pair (" + codePoint(c) + "), which is not text");
            }
            if (isControl(c) && !(multiLine && (c == '\n' || c == '\t'))) {
                throw new Refused((multiLine ? MULTI_LINE : ONE_LINE) + " (found " + codePoint(c) + ")");
            }
            if (isNonCharacter(c)) {
                throw new Refused("contains " + codePoint(c) + ", which is not a character");
            }
            if (!isBidiControl(c)) {
                kept.appendCodePoint(c);
            }
        }
        return Normalizer.normalize(kept, Normalizer.Form.NFC);
    }

    /**
     * {@code text} without what no document should carry: control characters other than those in
     * {@code keep} (Atom keeps tab, LF and CR; an iCalendar line tab only; a CSV cell or mail
     * subject none), half surrogate pairs, U+FFFE and U+FFFF (not XML characters), and bidi
     * embeddings, overrides and isolates (a writer that isolates user text itself keeps FSI and PDI, having
     * cleaned the user text it wraps). The same instance when there is nothing to drop.
     */
    public static String printable(String text, String keep) {
        if (text == null || isPlainAscii(text)) {
            return text;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean drop =
                    isControl(c) || isBidiControl(c) ? keep.indexOf(c) < 0 : isLoneSurrogate(c) || isNonCharacter(c);
            if (drop && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!drop && out != null) {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** C0 (with tab, LF, CR), DEL and C1 (U+0080–U+009F, including NEL). */
    static boolean isControl(int c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    /** Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI). */
    static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** A code point read from half a pair: {@link String#codePointAt} returns the lone surrogate itself. */
    private static boolean isLoneSurrogate(int c) {
        return c <= 0xFFFF && Character.isSurrogate((char) c);
    }

    /** U+FFFE and U+FFFF: not characters, and not allowed in XML 1.0. */
    private static boolean isNonCharacter(int c) {
        return c == 0xFFFE || c == 0xFFFF;
    }

    /** Printable ASCII, the common case: nothing to check, drop or normalise. */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
