package org.tocsin.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.ical.HostileEvents.NOW;
import static org.tocsin.ical.HostileEvents.worst;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.Test;
import org.tocsin.events.EventView;
import org.tocsin.kernel.PublicUrl;

/**
 * Hostile stored text written by every iCalendar writer (feeds and mail invitations): each document
 * still parses in two independent, strict parsers, and carries no control character RFC 5545 forbids.
 * The feeds' other writers (Atom, JSON Feed) have theirs in {@code feeds.HostileStoredTextTest}.
 */
class HostileStoredIcsTest {

    private static final PublicUrl URL = new PublicUrl(URI.create("https://tocsin.example"));
    private static final List<EventView> EVENTS = HostileEvents.events();

    /** What RFC 5545 allows in a content line besides text: HTAB, and CRLF only as the line end. */
    static void noControlsButHtab(String ics) {
        String lines = ics.replace("\r\n", "");
        lines.codePoints()
                .forEach(c -> assertThat(c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F)
                        .as("U+%04X in %s", c, ics)
                        .isFalse());
        for (int i = 0; i < lines.length(); i += Character.charCount(lines.codePointAt(i))) {
            assertThat(Character.isSurrogate((char) lines.codePointAt(i)))
                    .as("half a surrogate pair")
                    .isFalse();
        }
        assertThat(lines).doesNotContain("\u202E").doesNotContain("\u2066").doesNotContain("\uFFFE");
    }

    static void readsAsIcs(String ics) throws Exception {
        byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);
        IcsChecks.wellFormed(bytes);
        noControlsButHtab(ics);
        assertThat(IcsChecks.parse(bytes).getEvents()).isNotEmpty();
        assertThat(new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT"))
                .isNotEmpty();
    }

    /** User text, cleaned, between isolates: what a Persian feed's words do (feeds.FeedWords). */
    private static String isolate(String text) {
        return "\u2068" + org.tocsin.text.UserText.printable(text, "") + "\u2069";
    }

    /** Words that set isolates, as a Persian feed's do; the writer keeps those. */
    private static final IcsWords ISOLATING = new IcsWords(
            "fa",
            "لغو شد",
            "به تعویق افتاد",
            "سخنرانان",
            "زبان‌ها",
            "فقط برای شرکت‌کنندگان",
            city -> city + ": نشانی دقیق با شرکت‌کنندگان در میان گذاشته می‌شود.",
            "برخط",
            null,
            e -> e.accessibility().summary(),
            HostileStoredIcsTest::isolate,
            true,
            p -> isolate(p.city()));

    @Test
    void aPersianFeedKeepsTheIsolatesItSetsAndNoneOfTheUsers() throws Exception {
        String ics =
                new IcsFeed(new IcsEvents(URL)).render(worst("Group"), worst("All actions"), EVENTS, NOW, ISOLATING);
        readsAsIcs(ics);
        for (String line : ics.replace("\r\n ", "").split("\r\n")) {
            HostileEvents.assertOwnIsolatesOnly(line);
        }
        assertThat(ics.replace("\r\n ", ""))
                .contains("LOCATION:\u2068S[2Jquare[2J\u2069\\, \u2068M[2Jain street[2J\u2069\\, ")
                .contains("SUMMARY:S[2J\\ntored vigil[2J\\n\r\n");
        // The cancelled one (same id and version: its own writer, not the cache of the scheduled one's lines).
        String cancelled = new IcsFeed(new IcsEvents(URL))
                .render("Group", "All actions", List.of(EVENTS.getLast()), NOW, ISOLATING)
                .replace("\r\n ", "");
        HostileEvents.assertOwnIsolatesOnly(cancelled);
        assertThat(cancelled).contains("SUMMARY:لغو شد: \u2068S[2Jtored vigil[2J\u2069\r\n");
    }

    @Test
    void everyIcalendarWriterWritesOnlyLegalContentLines() throws Exception {
        IcsFeed feed = new IcsFeed(new IcsEvents(URL));
        readsAsIcs(feed.render(worst("Group"), worst("All actions"), EVENTS, NOW));
        EventInvitations invitations = new EventInvitations(feed, Clock.fixed(NOW, ZoneOffset.UTC));
        readsAsIcs(invitations.publish(EVENTS.getFirst()));
        readsAsIcs(invitations.request(EVENTS.getFirst(), "ana@example.org"));
        readsAsIcs(invitations.cancel(EVENTS.getLast(), "ana@example.org"));
        assertThat(feed.render(worst("Group"), worst("All actions"), EVENTS, NOW))
                .contains("SUMMARY:S[2J\\ntored vigil[2J\\n\r\n")
                .contains("ORGANIZER;CN=G[2Jroup[2J:mailto:");
    }
}
