package org.tocsin.pages;

import com.samskivert.mustache.Template;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;
import org.tocsin.events.EventDiscovery;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventView;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.text.Language;

/**
 * The list pages (home, a city, an organization, a campaign) from one template ({@code list.mustache}):
 * a heading and what the page is about, its feeds to subscribe to, links to related pages, and one
 * bounded page of upcoming occurrences as discovery lists them to this visitor, with a "later" link
 * that works without JavaScript (discovery's own cursor). The occurrences are also in the HTML as a
 * schema.org ItemList of Events.
 */
@Service
class ListPages {

    /** Occurrences on one page: a phone on a jammed network loads it whole. */
    static final int PAGE_SIZE = 20;

    private final Pages pages;
    private final PageTexts texts;
    private final PublicUrl publicUrl;
    private final Template list;

    ListPages(Pages pages, PageTexts texts, PublicUrl publicUrl) {
        this.pages = pages;
        this.texts = texts;
        this.publicUrl = publicUrl;
        this.list = pages.compiled("list");
    }

    /** What one list page says besides its events; {@code path} is the page's own, its segments encoded. */
    record Content(
            String path,
            String title,
            String heading,
            String subtitle,
            String about,
            String previewDescription,
            String feedPath,
            List<Map<String, Object>> sections) {}

    /** A section of links (cities, campaigns) beside the events. */
    static Map<String, Object> section(String heading, List<Map<String, Object>> links) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("heading", heading);
        section.put("links", links);
        return section;
    }

    static Map<String, Object> link(String href, String name, String note) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("name", name);
        link.put("note", note);
        return link;
    }

    ResponseEntity<String> render(Language language, Content content, EventDiscovery.Found found, String cursor) {
        Map<String, Object> model = pages.common(language);
        model.put("heading", content.heading());
        model.put("subtitle", content.subtitle());
        model.put("about", content.about());
        model.put("sections", content.sections());
        if (content.feedPath() != null) {
            model.put("feeds", feeds(content.feedPath(), language));
            model.put("hasFeeds", true);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        List<Object> ld = new ArrayList<>();
        for (EventView view : found.items()) {
            items.add(item(view, language));
            ld.add(Pages.ordered(
                    "@type",
                    "ListItem",
                    "position",
                    ld.size() + 1,
                    "url",
                    publicUrl.base() + EventLinks.path(view),
                    "item",
                    pages.eventLd(view, false)));
        }
        model.put("events", items);
        model.put("hasEvents", !items.isEmpty());
        String here = content.path() + "?lang=" + language.tag();
        if (found.nextCursor() != null) {
            model.put("next", here + "&cursor=" + found.nextCursor());
        }
        if (cursor != null) {
            model.put("first", here);
        }
        Map<String, Object> page = pages.page(language, content.title(), content.path());
        page.put("meta", pages.meta(content.title(), content.previewDescription(), content.path(), language));
        if (!ld.isEmpty()) {
            page.put(
                    "jsonLd",
                    pages.script(Pages.ordered(
                            "@context", "https://schema.org", "@type", "ItemList", "itemListElement", ld)));
            page.put("jsonLdId", "list-jsonld");
        }
        if (content.feedPath() != null) {
            // Feed discovery for readers and browsers: the https feeds (not the webcal: address).
            page.put("feedLinks", feeds(content.feedPath(), language).subList(1, 4));
        }
        page.put("body", list.execute(model));
        return Pages.html(HttpStatus.OK, pages.layout(page));
    }

    private Map<String, Object> item(EventView view, Language language) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("href", EventLinks.path(view) + (view.recurrenceId() == null ? "?" : "&") + "lang=" + language.tag());
        item.put("title", view.title());
        item.put("startUtc", view.startUtc().toString());
        item.put("when", EventTexts.when(view.startUtc(), view.endUtc(), view.timeZone(), language));
        item.put(
                "city",
                view.place() != null ? view.place().cityIn(language.tag()) : texts.get(language, "online_only"));
        if (view.status() != EventStatus.SCHEDULED) {
            item.put("statusText", texts.get(language, "short_status_" + view.status()));
        }
        return item;
    }

    /** The feeds of this list: a calendar subscription (webcal and https), Atom and JSON Feed, in the page's language. */
    private List<Map<String, Object>> feeds(String feedPath, Language language) {
        String lang = "?lang=" + language.tag();
        List<Map<String, Object>> feeds = new ArrayList<>();
        feeds.add(feed(publicUrl.webcal(feedPath + ".ics"), texts.get(language, "feed_webcal"), "text/calendar"));
        feeds.add(feed(feedPath + ".ics" + lang, texts.get(language, "feed_ics"), "text/calendar"));
        feeds.add(feed(feedPath + ".atom" + lang, texts.get(language, "feed_atom"), "application/atom+xml"));
        feeds.add(feed(feedPath + ".json" + lang, texts.get(language, "feed_json"), "application/feed+json"));
        return feeds;
    }

    private static Map<String, Object> feed(String href, String name, String type) {
        return Map.of("href", href, "name", name, "type", type);
    }

    /** A campaign's days ("from … to …") in the language, or null when it names none or they do not parse. */
    String days(String startsOn, String endsOn, Language language) {
        try {
            if (startsOn == null) {
                return null;
            }
            String start = dateOnly(LocalDate.parse(startsOn), language);
            if (endsOn == null || endsOn.equals(startsOn)) {
                return start;
            }
            return start + " – " + dateOnly(LocalDate.parse(endsOn), language);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String dateOnly(LocalDate date, Language language) {
        return EventTexts.date(date, language);
    }

    /** A path segment as it goes into a link ({@code ir/تهران} stays readable to browsers, encoded on the wire). */
    static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    PageTexts texts() {
        return texts;
    }
}
