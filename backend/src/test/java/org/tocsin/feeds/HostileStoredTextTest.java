package org.tocsin.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.ical.HostileEvents.NOW;
import static org.tocsin.ical.HostileEvents.worst;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.tocsin.events.EventView;
import org.tocsin.ical.HostileEvents;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.pages.PageTexts;
import org.tocsin.text.Language;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text stored before input was checked (or by any path that skipped the checks), written by the
 * feeds' own writers: each document still parses in an independent, strict parser, and carries no
 * control character its format forbids. The iCalendar writers have theirs in
 * {@code ical.HostileStoredIcsTest}, on the same {@link HostileEvents}.
 */
class HostileStoredTextTest {

    private static final PublicUrl URL = new PublicUrl(URI.create("https://tocsin.example"));

    private static final CalendarMeta META = new CalendarMeta(
            worst("Group"), worst("All actions"), "/organizations/group", "/feeds/organizations/group");
    private static final List<EventView> EVENTS = HostileEvents.events();

    static Document readsAsXml(byte[] atom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(atom));
    }

    @Test
    void atomIsWellFormedXmlWhateverIsStored() throws Exception {
        String atom = new AtomFeed(URL).render(META, EVENTS, NOW, FeedWords.ENGLISH);
        Document document = readsAsXml(atom.getBytes(StandardCharsets.UTF_8));
        assertThat(document.getElementsByTagName("entry").getLength()).isEqualTo(2);
        // Feed title, then the first entry's: the controls gone, the CR LF read as one newline.
        assertThat(document.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("G[2J\nroup[2J\n");
        assertThat(document.getElementsByTagName("title").item(1).getTextContent())
                .isEqualTo("S[2J\ntored vigil[2J\n");
        assertThat(atom)
                .doesNotContain("\u0000")
                .doesNotContain("\u001B")
                .doesNotContain("\u202E")
                .doesNotContain("\u0085");
    }

    @Test
    void aPersianAtomFeedKeepsTheIsolatesItSetsAndNoneOfTheUsers() throws Exception {
        FeedWords.Words persian = new FeedWords(new PageTexts()).of(Language.FA);
        String atom = new AtomFeed(URL).render(META, EVENTS, NOW, persian);
        Document document = readsAsXml(atom.getBytes(StandardCharsets.UTF_8));
        for (String element : List.of("title", "subtitle", "summary", "name", "content")) {
            NodeList found = document.getElementsByTagName(element);
            for (int i = 0; i < found.getLength(); i++) {
                HostileEvents.assertOwnIsolatesOnly(found.item(i).getTextContent());
            }
        }
        // The user's words among ours are isolated; the same words alone (a scheduled title) are not.
        assertThat(document.getElementsByTagName("summary").item(0).getTextContent())
                .contains("\u2068B[2Jerlin[2J\u2069, DE");
        assertThat(document.getElementsByTagName("title").item(1).getTextContent())
                .isEqualTo("S[2J\ntored vigil[2J\n");
        assertThat(document.getElementsByTagName("title").item(2).getTextContent())
                .endsWith(": \u2068S[2Jtored vigil[2J\u2069");
        assertThat(atom).doesNotContain("\u0000").doesNotContain("\u202E").doesNotContain("\u2066");
    }

    @Test
    void theJsonFeedEscapesWhatJsonCannotCarryRaw() throws Exception {
        String json = new JsonFeed(JsonMapper.builder().build(), URL).render(META, EVENTS, FeedWords.ENGLISH);
        assertThat(json.chars().filter(c -> c < 0x20)).isEmpty();
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(json.getBytes(StandardCharsets.UTF_8))
                        .get("items"))
                .hasSize(2);
    }
}
