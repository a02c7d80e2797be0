package org.tocsin.feeds;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.Test;
import org.tocsin.events.EventKind;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventView;
import org.tocsin.events.LocationVisibility;
import org.tocsin.events.RsvpMode;
import org.tocsin.events.Visibility;
import org.tocsin.web.PublicUrl;
import org.w3c.dom.Document;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text stored before input was checked (or by any path that skipped the checks), written by every
 * writer: each document still parses in an independent, strict parser, and carries no control
 * character its format forbids. Every field that reaches a feed holds the worst there is.
 */
class HostileStoredTextTest {

    /** NUL, SOH, ESC, BEL, VT, FF, DEL, NEL, CSI, CR and LF alone, half surrogate pairs, U+FFFE/U+FFFF, RLO, LRI. */
    static final String WORST = "\u0000\u0001\u001B[2J\u0007\u000B\u000C\u007F\u0085\u009B\r\n\uDFFF\uD800\uFFFE\uFFFF"
            + "\u202E\u2066";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final PublicUrl URL = new PublicUrl(URI.create("https://tocsin.example"));

    private static String worst(String text) {
        return text.charAt(0) + WORST + text.substring(1) + WORST;
    }

    static EventView hostile(EventStatus status) {
        Instant start = Instant.parse("2027-05-01T16:00:00Z");
        return new EventView("h1", new EventView.Owner("group", worst("Group")), new EventView.Owner("day", worst("Day")),
                worst("Stored vigil"), worst("Bring candles\n\nand friends"), worst("<p>Bring candles</p>"),
                EventKind.VIGIL, status, worst("Rain"), "2027-05-01T18:00", "2027-05-01T19:00", "Europe/Berlin",
                start, start.plusSeconds(3600), null, null, List.of(),
                new EventView.Place(worst("Square"), worst("Main street"), worst("Berlin"), "DE", "de/berlin",
                        52.5, 13.4),
                new EventView.Online("https://meet.example.org/x", worst("Jitsi")), false,
                List.of(new EventView.Speaker(worst("Ana"), worst("Committee"))), List.of(worst("candles"), "ok"),
                List.of("fa"), null, RsvpMode.OPEN, Visibility.PUBLIC, LocationVisibility.PUBLIC, null, 1, NOW, NOW);
    }

    private static final CalendarMeta META = new CalendarMeta(worst("Group"), worst("All actions"), "/organizations/group",
            "/feeds/organizations/group");
    private static final List<EventView> EVENTS = List.of(hostile(EventStatus.SCHEDULED), hostile(EventStatus.CANCELLED));

    /** What RFC 5545 allows in a content line besides text: HTAB, and CRLF only as the line end. */
    static void noControlsButHtab(String ics) {
        String lines = ics.replace("\r\n", "");
        lines.codePoints().forEach(c -> assertThat(c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F)
                .as("U+%04X in %s", c, ics).isFalse());
        for (int i = 0; i < lines.length(); i += Character.charCount(lines.codePointAt(i))) {
            assertThat(Character.isSurrogate((char) lines.codePointAt(i))).as("half a surrogate pair").isFalse();
        }
        assertThat(lines).doesNotContain("\u202E").doesNotContain("\u2066").doesNotContain("\uFFFE");
    }

    static void readsAsIcs(String ics) throws Exception {
        byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);
        IcsChecks.wellFormed(bytes);
        noControlsButHtab(ics);
        assertThat(IcsChecks.parse(bytes).getEvents()).isNotEmpty();
        assertThat(new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT")).isNotEmpty();
    }

    static Document readsAsXml(byte[] atom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(atom));
    }

    @Test
    void atomIsWellFormedXmlWhateverIsStored() throws Exception {
        String atom = new AtomFeed(URL).render(META, EVENTS, NOW);
        Document document = readsAsXml(atom.getBytes(StandardCharsets.UTF_8));
        assertThat(document.getElementsByTagName("entry").getLength()).isEqualTo(2);
        // Feed title, then the first entry's: the controls gone, the CR LF read as one newline.
        assertThat(document.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("G[2J\nroup[2J\n");
        assertThat(document.getElementsByTagName("title").item(1).getTextContent())
                .isEqualTo("S[2J\ntored vigil[2J\n");
        assertThat(atom).doesNotContain("\u0000").doesNotContain("\u001B").doesNotContain("\u202E")
                .doesNotContain("\u0085");
    }

    @Test
    void everyIcalendarWriterWritesOnlyLegalContentLines() throws Exception {
        IcsFeed feed = new IcsFeed(new IcsEvents(URL));
        readsAsIcs(feed.render(META, EVENTS, NOW));
        EventInvitations invitations = new EventInvitations(feed, Clock.fixed(NOW, ZoneOffset.UTC));
        readsAsIcs(invitations.publish(EVENTS.getFirst()));
        readsAsIcs(invitations.request(EVENTS.getFirst(), "ana@example.org"));
        readsAsIcs(invitations.cancel(EVENTS.getLast(), "ana@example.org"));
        assertThat(feed.render(META, EVENTS, NOW)).contains("SUMMARY:S[2J\\ntored vigil[2J\\n\r\n")
                .contains("ORGANIZER;CN=G[2Jroup[2J:mailto:");
    }

    @Test
    void theJsonFeedEscapesWhatJsonCannotCarryRaw() throws Exception {
        String json = new JsonFeed(JsonMapper.builder().build(), URL).render(META, EVENTS);
        assertThat(json.chars().filter(c -> c < 0x20)).isEmpty();
        assertThat(JsonMapper.builder().build().readTree(json.getBytes(StandardCharsets.UTF_8)).get("items"))
                .hasSize(2);
    }
}
