package org.tocsin.ical;

import org.tocsin.text.UserText;

/**
 * RFC 5545 line folding by octets. iCal4j folds by characters, which lets a line of Persian text
 * (two octets a letter) run to 150 octets; calendar apps that follow the RFC then cut letters in
 * half. Here every physical line is at most 75 octets and never splits a UTF-8 sequence.
 *
 * <p>Every iCalendar text we send passes here, feeds and mail invitations alike, so this is also
 * where a control character meets its end: RFC 5545 allows none in a content line but HTAB, and
 * iCal4j escapes only newlines. Whatever is stored, the lines written carry no other control (nor
 * half a surrogate pair, nor a bidi override: {@link UserText#printable}).
 */
final class ContentLines {

    static final int MAX_OCTETS = 75;

    private ContentLines() {}

    /**
     * Stored text for an iCal4j TEXT value (SUMMARY, DESCRIPTION, X-WR-CALNAME...): CR LF and CR read as
     * LF, which iCal4j escapes as {@code \n} (X-properties keep it raw, and {@link #fold} drops it). A raw
     * CR LF would end the content line in the middle of the value and start a forged one.
     */
    static String text(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Stored text for a parameter value (CN, LABEL): one line without DQUOTE, for which RFC 5545 has no
     * escape (iCal4j quotes a value with {@code :;,} but does not escape inside the quotes).
     */
    static String parameter(String text) {
        return UserText.printable(text, "").replace('"', '\'');
    }

    /** Folds every CRLF-terminated line of {@code unfolded}; the result ends with CRLF. */
    static String fold(String unfolded) {
        return fold(unfolded, "");
    }

    /**
     * As {@link #fold(String)}, keeping the bidi controls in {@code keep} (a Persian feed's FSI and PDI, set
     * around user text that was cleaned of its own before it was composed: {@link IcsWords#plain}).
     */
    static String fold(String unfolded, String keep) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
        for (String line : unfolded.split("\r\n")) {
            String printable = UserText.printable(line, "\t" + keep);
            if (!printable.isEmpty()) {
                foldLine(printable, out);
            }
        }
        return out.toString();
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
