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
