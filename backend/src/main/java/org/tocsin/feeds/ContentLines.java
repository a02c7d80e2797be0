package org.tocsin.feeds;

/**
 * RFC 5545 line folding by octets. iCal4j folds by characters, which lets a line of Persian text
 * (two octets a letter) run to 150 octets; calendar apps that follow the RFC then cut letters in
 * half. Here every physical line is at most 75 octets and never splits a UTF-8 sequence.
 */
final class ContentLines {

    static final int MAX_OCTETS = 75;

    private ContentLines() {
    }

    /** Folds every CRLF-terminated line of {@code unfolded}; the result ends with CRLF. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
        for (String line : unfolded.split("\r\n")) {
            if (!line.isEmpty()) {
                foldLine(line, out);
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
