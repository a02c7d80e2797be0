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
    static String where(EventView e) {
        List<String> parts = new ArrayList<>();
        if (e.place() != null) {
            for (String part : new String[] {
                e.place().venue(),
                e.place().address(),
                e.place().city(),
                e.place().countryCode()
            }) {
                if (part != null && !part.isBlank()) {
                    parts.add(part);
                }
            }
        }
        if (e.online() != null && e.online().url() != null) {
            parts.add("online: " + e.online().url());
        } else if (e.place() == null && e.online() != null) {
            parts.add("online");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String summary(EventView e) {
        String where = where(e);
        return prefix(e) + when(e) + (where == null ? "" : " · " + where);
    }

    private static String prefix(EventView e) {
        return e.status() == EventStatus.CANCELLED
                ? "Cancelled: "
                : e.status() == EventStatus.POSTPONED ? "Postponed: " : "";
    }

    private static String text(EventView e) {
        String where = where(e);
        StringBuilder out = new StringBuilder(prefix(e)).append("When: ").append(when(e));
        if (where != null) {
            out.append("\nWhere: ").append(where);
        }
        if (e.statusReason() != null) {
            out.append("\n").append(e.statusReason());
        }
        if (e.accessibility() != null) {
            out.append("\n").append(e.accessibility().summary());
        }
        if (!e.description().isEmpty()) {
            out.append("\n\n").append(e.description());
        }
        return out.toString();
    }

    private static String html(EventView e) {
        String where = where(e);
        StringBuilder out = new StringBuilder("<p>")
                .append(escape(prefix(e)))
                .append("<strong>When:</strong> ")
                .append(escape(when(e)));
        if (where != null) {
            out.append("<br><strong>Where:</strong> ").append(escape(where));
        }
        if (e.statusReason() != null) {
            out.append("<br>").append(escape(e.statusReason()));
        }
        if (e.accessibility() != null) {
            out.append("<br>").append(escape(e.accessibility().summary()));
        }
        out.append("</p>");
        // descriptionHtml is rendered from Markdown with HTML escaped and URLs sanitised (events.Descriptions).
        return out.append(e.descriptionHtml()).toString();
    }

    /** Only what HTML needs escaped: readers show the en dash and Persian text as they are. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    String render(CalendarMeta meta, List<EventView> events) {
        List<Item> items = events.stream()
                .map(e -> new Item(
                        e.id(),
                        publicUrl.base() + "/events/" + e.id(),
                        (e.status() == EventStatus.CANCELLED ? "Cancelled: " : "") + e.title(),
                        html(e),
                        text(e),
                        summary(e),
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
