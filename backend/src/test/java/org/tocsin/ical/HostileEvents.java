package org.tocsin.ical;

import java.time.Instant;
import java.util.List;
import org.tocsin.events.EventKind;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventView;
import org.tocsin.events.LocationVisibility;
import org.tocsin.events.RsvpMode;
import org.tocsin.events.Visibility;

/**
 * Text stored before input was checked (or by any path that skipped the checks): every field that
 * reaches a feed or an invitation holds the worst there is. Shared by the iCalendar writers' test
 * here and the feeds' Atom and JSON Feed writers' test.
 */
public final class HostileEvents {

    /**
     * NUL, SOH, ESC, BEL, VT, FF, DEL, NEL, CSI, CR and LF alone, half surrogate pairs, U+FFFE/U+FFFF, RLO, LRI,
     * and stored isolates of the very kind a Persian feed sets itself (FSI, then two PDIs: one would close ours).
     */
    public static final String WORST = "\u0000\u0001\u001B[2J\u0007\u000B\u000C\u007F\u0085\u009B\r\n\uDFFF\uD800"
            + "\uFFFE\uFFFF\u202E\u2066\u2068\u2069\u2069";

    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private HostileEvents() {}

    /**
     * Every FSI of {@code text} closed by a PDI, none closed twice, no other isolate: the isolates a writer
     * set around user text, and none of the user's own.
     */
    public static void assertOwnIsolatesOnly(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u2066' || c == '\u2067') {
                throw new AssertionError("LRI or RLI at " + i + " in " + text);
            }
            depth += c == '\u2068' ? 1 : c == '\u2069' ? -1 : 0;
            if (depth < 0) {
                throw new AssertionError("a PDI closing nothing at " + i + " in " + text);
            }
        }
        if (depth != 0) {
            throw new AssertionError(depth + " isolates left open in " + text);
        }
    }

    public static String worst(String text) {
        return text.charAt(0) + WORST + text.substring(1) + WORST;
    }

    public static EventView hostile(EventStatus status) {
        Instant start = Instant.parse("2027-05-01T16:00:00Z");
        return new EventView(
                "h1",
                new EventView.Owner("group", worst("Group")),
                new EventView.Owner("day", worst("Day")),
                worst("Stored vigil"),
                worst("Bring candles\n\nand friends"),
                worst("<p>Bring candles</p>"),
                EventKind.VIGIL,
                status,
                worst("Rain"),
                "2027-05-01T18:00",
                "2027-05-01T19:00",
                "Europe/Berlin",
                start,
                start.plusSeconds(3600),
                null,
                null,
                List.of(),
                new EventView.Place(
                        worst("Square"), worst("Main street"), worst("Berlin"), "DE", "de/berlin", 52.5, 13.4),
                new EventView.Online("https://meet.example.org/x", worst("Jitsi")),
                false,
                List.of(new EventView.Speaker(worst("Ana"), worst("Committee"))),
                List.of(worst("candles"), "ok"),
                List.of("fa"),
                null,
                RsvpMode.OPEN,
                Visibility.PUBLIC,
                LocationVisibility.PUBLIC,
                null,
                1,
                NOW,
                NOW);
    }

    /** A scheduled and a cancelled one. */
    public static List<EventView> events() {
        return List.of(hostile(EventStatus.SCHEDULED), hostile(EventStatus.CANCELLED));
    }
}
