package org.tocsin.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventView;
import org.tocsin.kernel.PublicUrl;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Feed 1.1 for partner sites and feed readers: one item per event, with the event's own data
 * (times, zone, place, status) under the {@code _tocsin} extension so tools need not scrape text.
 * Standard readers know nothing of {@code _tocsin}: when (in the event's own zone) and where lead
 * {@code summary}, {@code content_text} and {@code content_html}.
 */
@Component
class JsonFeed {

    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("EEE, d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final JsonMapper json;
    private final PublicUrl publicUrl;

    JsonFeed(JsonMapper json, PublicUrl publicUrl) {
        this.json = json;
        this.publicUrl = publicUrl;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Feed(
            String version,
            String title,
            String description,
            @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl,
            List<Item> items) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            String id,
            String url,
            String title,
            @JsonProperty("content_html") String contentHtml,
            @JsonProperty("content_text") String contentText,
            String summary,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            List<String> tags,
            String language,
            @JsonProperty("_tocsin") EventView event) {}

    /** "Sat, 1 May 2027, 20:00–21:30 (Europe/Berlin)": readers show the event's own local time and zone. */
    static String when(EventView e) {
        ZoneId zone = ZoneId.of(e.timeZone());
        ZonedDateTime start = e.startUtc().atZone(zone);
        ZonedDateTime end = e.endUtc().atZone(zone);
        String to = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : DAY_TIME.format(end);
        return DAY_TIME.format(start) + "–" + to + " (" + zone.getId() + ")";
    }

    /** The place as the caller may see it (the city only when the exact place is for attendees), or online. */
    static String where(EventView e, FeedWords.Words words) {
        List<String> parts = new ArrayList<>();
        if (e.place() != null) {
            for (String part : new String[] {e.place().venue(), e.place().address()}) {
                if (part != null && !part.isBlank()) {
                    parts.add(words.user(part));
                }
            }
            if (e.place().city() != null && !e.place().city().isBlank()) {
                parts.add(words.city(e.place()));
            }
            if (e.place().countryCode() != null && !e.place().countryCode().isBlank()) {
                parts.add(words.user(e.place().countryCode()));
            }
        }
        if (e.online() != null && e.online().url() != null) {
            parts.add(words.online() + ": " + words.user(e.online().url()));
        } else if (e.place() == null && e.online() != null) {
            parts.add(words.online());
        }
        return parts.isEmpty() ? null : String.join(words.english() ? ", " : "، ", parts);
    }

    private static String summary(EventView e, FeedWords.Words words) {
        String where = where(e, words);
        return words.prefix(e) + words.date(e) + (where == null ? "" : " · " + where);
    }

    private static String text(EventView e, FeedWords.Words words) {
        String where = where(e, words);
        StringBuilder out = new StringBuilder(words.prefix(e))
                .append(words.when())
                .append(": ")
                .append(words.date(e));
        if (where != null) {
            out.append("\n").append(words.where()).append(": ").append(where);
        }
        if (e.statusReason() != null) {
            out.append("\n").append(words.user(e.statusReason()));
        }
        if (e.accessibility() != null) {
            out.append("\n").append(words.accessibility(e));
        }
        if (!e.description().isEmpty()) {
            out.append("\n\n").append(e.description());
        }
        return out.toString();
    }

    private static String html(EventView e, FeedWords.Words words) {
        String where = where(e, words);
        StringBuilder out = new StringBuilder("<p>")
                .append(escape(words.prefix(e)))
                .append("<strong>")
                .append(escape(words.when()))
                .append(":</strong> ")
                .append(escape(words.date(e)));
        if (where != null) {
            out.append("<br><strong>")
                    .append(escape(words.where()))
                    .append(":</strong> ")
                    .append(escape(where));
        }
        if (e.statusReason() != null) {
            out.append("<br>").append(escape(words.user(e.statusReason())));
        }
        if (e.accessibility() != null) {
            out.append("<br>").append(escape(words.accessibility(e)));
        }
        out.append("</p>");
        // descriptionHtml is rendered from Markdown with HTML escaped and URLs sanitised (events.Descriptions).
        return out.append(e.descriptionHtml()).toString();
    }

    /** Only what HTML needs escaped: readers show the en dash and Persian text as they are. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    String render(CalendarMeta meta, List<EventView> events, FeedWords.Words words) {
        List<Item> items = events.stream()
                .map(e -> new Item(
                        e.id(),
                        publicUrl.base() + "/events/" + e.id(),
                        (e.status() == EventStatus.CANCELLED ? words.prefix(e) + words.user(e.title()) : e.title()),
                        html(e, words),
                        text(e, words),
                        summary(e, words),
                        e.createdAt(),
                        e.updatedAt(),
                        e.tags(),
                        e.languages().isEmpty() ? null : e.languages().getFirst(),
                        e))
                .toList();
        return json.writeValueAsString(new Feed(
                "https://jsonfeed.org/version/1.1",
                meta.name(),
                meta.description(),
                publicUrl.base() + meta.pageUrl(),
                publicUrl.base() + meta.feedPath() + ".json",
                items));
    }
}
