package org.tocsin.rsvps;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tocsin.text.UserText;

/**
 * The organizers' RSVP export as CSV (RFC 4180), UTF-8 with a BOM so spreadsheet apps read
 * non-Latin names right. Cells that a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) get a leading apostrophe: names and emails are typed by strangers.
 * Control characters (and bidi overrides, half surrogate pairs) are dropped first, whatever is
 * stored: a cell is one line of plain text, and a dropped leading tab must not uncover a formula.
 */
final class RsvpCsv {

    private static final String BOM = "\uFEFF";
    private static final List<String> HEADER = List.of(
            "occurrence",
            "occurrence_start_utc",
            "name",
            "email",
            "response",
            "state",
            "guests",
            "people",
            "waitlist_position",
            "approved",
            "account",
            "created_at");

    private RsvpCsv() {}

    static byte[] render(List<OrganizerRsvps.Entry> entries) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, HEADER);
        for (OrganizerRsvps.Entry e : entries) {
            line(
                    out,
                    List.of(
                            e.occurrence(),
                            str(e.occurrenceStartUtc()),
                            e.name(),
                            str(e.email()),
                            e.response().name(),
                            e.state().name(),
                            Integer.toString(e.guests()),
                            Integer.toString(1 + e.guests()),
                            str(e.waitlistPosition()),
                            Boolean.toString(e.approved()),
                            Boolean.toString(e.account()),
                            str(e.createdAt())));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = UserText.printable(value, "");
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }
}
