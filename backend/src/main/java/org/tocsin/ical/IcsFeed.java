package org.tocsin.ical;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import org.springframework.stereotype.Component;
import org.tocsin.events.EventCatalog;
import org.tocsin.events.EventView;

/**
 * A whole iCalendar feed: header, one VTIMEZONE per zone used, then each event's cached VEVENTs.
 * What the feed holds and who may read it is the caller's business (the feeds feature); this
 * class only writes what it is given.
 */
@Component
public class IcsFeed {

    /** Calendar apps poll; an hour is what Google and Apple honour and what a CDN absorbs well. */
    static final Duration REFRESH = Duration.ofHours(1);

    private final IcsEvents events;
    /** VTIMEZONEs by zone and span: a few zones serve every feed, but spans vary, so the number is bounded. */
    private final Cache<String, String> timeZones =
            Caffeine.newBuilder().maximumSize(1_000).build();

    IcsFeed(IcsEvents events) {
        this.events = events;
    }

    /**
     * The feed of {@code items}, called {@code name} in calendar apps; CRLF-terminated, folded at 75
     * octets. It may read iCal4j's zone data on first use: call it off the event loop.
     */
    public String render(String name, String description, List<EventView> items, Instant now) {
        return render(name, description, items, now, IcsWords.ENGLISH);
    }

    /** As {@link #render(String, String, List, Instant)}, with the words of the caller's language. */
    public String render(String name, String description, List<EventView> items, Instant now, IcsWords words) {
        return calendar(header(name, description, items), items, now, e -> events.render(e, words));
    }

    /**
     * One event as an iTIP message (RFC 5546) to attach to a mail: METHOD, the event's VTIMEZONE and the
     * same VEVENTs as in the feeds (same UID and SEQUENCE), without the feed-only calendar properties.
     */
    String message(EventView event, IcsEvents.Itip itip, String attendee, Instant now) {
        List<Property> header = List.of(
                new ProdId("-//Tocsin//Tocsin feeds//EN"),
                new Version(new ParameterList(), "2.0"),
                new CalScale("GREGORIAN"),
                new Method(
                        switch (itip) {
                            case FEED -> "PUBLISH";
                            case REQUEST -> "REQUEST";
                            case CANCEL -> "CANCEL";
                        }));
        return calendar(header, List.of(event), now, e -> events.render(e, itip, attendee));
    }

    private String calendar(
            List<Property> header,
            List<EventView> items,
            Instant now,
            java.util.function.Function<EventView, String> vevents) {
        StringBuilder out = new StringBuilder(256 + items.size() * 900);
        out.append("BEGIN:VCALENDAR\r\n");
        for (Property property : header) {
            out.append(ContentLines.fold(property.toString()));
        }
        Instant until = now.plus(EventCatalog.AHEAD);
        Map<String, Instant> earliestByZone = items.stream()
                .collect(Collectors.toMap(
                        EventView::timeZone, EventView::startUtc, (a, b) -> a.isBefore(b) ? a : b, LinkedHashMap::new));
        earliestByZone.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(zone -> out.append(timeZone(zone.getKey(), zone.getValue(), until)));
        for (EventView item : items) {
            out.append(vevents.apply(item));
        }
        out.append("END:VCALENDAR\r\n");
        return out.toString();
    }

    /** Cached per zone and day span: the same few zones serve every feed. */
    private String timeZone(String zoneId, Instant earliest, Instant until) {
        ZoneId zone = ZoneId.of(zoneId);
        // A day of slack before the first event, so its start is inside the first observance.
        Instant from = ZonedDateTime.ofInstant(earliest, zone)
                .toLocalDate()
                .minusDays(1)
                .atStartOfDay(zone)
                .toInstant();
        Instant to = ZonedDateTime.ofInstant(until, zone)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(zone)
                .toInstant();
        return timeZones.get(
                zoneId + "|" + from + "|" + to,
                k -> ContentLines.fold(TimeZoneComponents.of(zone, from, to).toString()));
    }

    private static List<Property> header(String name, String description, List<EventView> items) {
        List<Property> header = new java.util.ArrayList<>(List.of(
                new ProdId("-//Tocsin//Tocsin feeds//EN"),
                new Version(new ParameterList(), "2.0"),
                new CalScale("GREGORIAN"),
                new Method("PUBLISH"),
                new Name(ContentLines.text(name)),
                new XProperty("X-WR-CALNAME", ContentLines.text(name)),
                new Description(ContentLines.text(description)),
                new XProperty("X-WR-CALDESC", ContentLines.text(description)),
                new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH),
                new XProperty("X-PUBLISHED-TTL", REFRESH.toString())));
        dominantZone(items).ifPresent(zone -> header.add(new XProperty("X-WR-TIMEZONE", zone)));
        return header;
    }

    /** The zone of more than half the events, if there is one: clients use it to show the calendar. */
    private static java.util.Optional<String> dominantZone(List<EventView> items) {
        return items.stream()
                .collect(Collectors.groupingBy(EventView::timeZone, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .filter(e -> e.getValue() * 2 > items.size())
                .map(Map.Entry::getKey);
    }
}
