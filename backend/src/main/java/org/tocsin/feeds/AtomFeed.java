package org.tocsin.feeds;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventView;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.text.UserText;

/**
 * Atom (RFC 4287) for feed readers, written with the JDK's StAX writer so every character is escaped.
 * Escaping is not enough: XML 1.0 has no way at all to write most control characters (U+0000–U+001F
 * but tab, LF and CR), U+FFFE/U+FFFF or half a surrogate pair, and one of them in one stored title
 * would make the feed unreadable for every subscriber. Every text goes through {@link #text} first.
 */
@Component
class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();
    private final PublicUrl publicUrl;

    AtomFeed(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    String render(CalendarMeta meta, List<EventView> events, Instant lastModified, FeedWords.Words words) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", "tag:" + publicUrl.host() + ",2026:" + meta.feedPath());
            element(xml, "title", meta.name());
            element(xml, "subtitle", meta.description());
            element(xml, "updated", lastModified.toString());
            link(xml, "alternate", publicUrl.base() + meta.pageUrl(), "text/html");
            link(xml, "self", publicUrl.base() + meta.feedPath() + ".atom", "application/atom+xml");
            xml.writeStartElement("author");
            element(xml, "name", "Tocsin");
            xml.writeEndElement();
            for (EventView e : events) {
                xml.writeStartElement("entry");
                element(xml, "id", "tag:" + publicUrl.host() + ",2026:event:" + e.id());
                // Title and summary set user text among our words: a Persian feed's isolates stay in them.
                element(
                        xml,
                        "title",
                        e.status() == EventStatus.CANCELLED
                                ? words.prefix(e) + words.user(e.title())
                                : words.plain(e.title()),
                        words.ics().keptControls());
                element(xml, "published", e.createdAt().toString());
                element(xml, "updated", e.updatedAt().toString());
                link(xml, "alternate", publicUrl.base() + "/events/" + e.id(), "text/html");
                if (e.organization() != null && e.organization().name() != null) {
                    xml.writeStartElement("author");
                    element(xml, "name", e.organization().name());
                    xml.writeEndElement();
                }
                element(xml, "summary", summary(e, words), words.ics().keptControls());
                if (!e.descriptionHtml().isEmpty()) {
                    xml.writeStartElement("content");
                    xml.writeAttribute("type", "html");
                    xml.writeCharacters(text(e.descriptionHtml()));
                    xml.writeEndElement();
                }
                for (String category : e.tags()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", text(category));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
        return out.toString();
    }

    /** When and where, in the event's own zone: what a reader wants to see first. */
    private static String summary(EventView e, FeedWords.Words words) {
        String where = e.place() == null
                ? words.ics().online()
                : words.city(e.place()) + ", " + words.plain(e.place().countryCode());
        String when = words.english() ? e.start().replace('T', ' ') + " (" + e.timeZone() + ")" : words.date(e);
        return when + " · " + where
                + (e.status() == EventStatus.SCHEDULED
                        ? ""
                        : " · "
                                + (words.english()
                                        ? e.status()
                                        : words.prefix(e).replace(": ", "")))
                + (e.accessibility() == null ? "" : "\n" + words.accessibility(e));
    }

    /** Only characters XML 1.0 can carry (see {@link UserText#printable}), and no bidi control. */
    static String text(String text) {
        return text(text, "");
    }

    /** As {@link #text(String)}, keeping the bidi controls in {@code keep} (a Persian feed's own isolates). */
    static String text(String text, String keep) {
        return text == null ? "" : UserText.printable(text, "\t\n\r" + keep);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        element(xml, name, text, "");
    }

    private static void element(XMLStreamWriter xml, String name, String text, String keep) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text(text, keep));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", text(href));
        xml.writeAttribute("type", type);
    }
}
