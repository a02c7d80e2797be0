package org.tocsin.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventView;
import org.tocsin.kernel.PublicUrl;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Feed 1.1 for partner sites and feed readers: one item per event, with the event's own data
 * (times, zone, place, status) under the {@code _tocsin} extension so tools need not scrape text.
 */
@Component
class JsonFeed {

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
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            List<String> tags,
            String language,
            @JsonProperty("_tocsin") EventView event) {}

    String render(CalendarMeta meta, List<EventView> events) {
        List<Item> items = events.stream()
                .map(e -> new Item(
                        e.id(),
                        publicUrl.base() + "/events/" + e.id(),
                        (e.status() == EventStatus.CANCELLED ? "Cancelled: " : "") + e.title(),
                        e.descriptionHtml().isEmpty() ? null : e.descriptionHtml(),
                        e.description().isEmpty() ? e.title() : e.description(),
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
