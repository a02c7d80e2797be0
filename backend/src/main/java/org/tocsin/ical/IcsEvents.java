package org.tocsin.ical;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Feature;
import net.fortuna.ical4j.model.parameter.Label;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import org.springframework.stereotype.Component;
import org.tocsin.events.Descriptions;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventView;
import org.tocsin.kernel.PublicUrl;

/**
 * An event's VEVENTs (the event, then one per moved or cancelled occurrence of a series), built
 * with iCal4j and folded by octets. Rendered once per event version and cached: a feed is then
 * mostly a concatenation of ready fragments, whatever the number of subscribers.
 */
@Component
class IcsEvents {

    /** About 100,000 events' fragments. */
    static final long MAX_CACHED_CHARS = 100_000_000;

    private record Cached(Instant version, String text) {}

    private final PublicUrl publicUrl;
    /** Bounded: deleted and long-past events age out instead of staying for the life of the process. */
    private final Cache<String, Cached> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_CACHED_CHARS)
            .<String, Cached>weigher((key, cached) -> cached.text().length())
            .build();

    IcsEvents(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    String render(EventView event) {
        return render(event, IcsWords.ENGLISH);
    }

    /** As {@link #render(EventView)}, with the words of a feed's language. */
    String render(EventView event, IcsWords words) {
        String key = words.tag() + ":" + event.id()
                + (event.locationHidden() ? ":hidden" : "")
                + (event.recurrenceId() == null ? "" : "@" + event.recurrenceId())
                // An attendee's own calendar carries the organizers' notes: never the copy a public feed serves.
                + (event.privateNotes() == null
                        ? ""
                        : ":notes:" + event.privateNotes().hashCode());
        Cached hit = cache.getIfPresent(key);
        if (hit != null && hit.version().equals(event.updatedAt())) {
            return hit.text();
        }
        String text = ContentLines.fold(build(event, Itip.FEED, null, words), words.keptControls());
        cache.put(key, new Cached(event.updatedAt(), text));
        return text;
    }

    /** How the VEVENTs of an iTIP message (RFC 5546) differ from the feed's. */
    enum Itip {
        /** As in the feeds. */
        FEED,
        /** METHOD:REQUEST: an ORGANIZER always, even for an event without an organization. */
        REQUEST,
        /** METHOD:CANCEL: an ORGANIZER always, and every VEVENT STATUS:CANCELLED, whatever the event's status. */
        CANCEL
    }

    /**
     * The same VEVENTs as {@link #render}, adjusted for an iTIP message and not cached (messages are few).
     *
     * @param attendee the recipient's address for an ATTENDEE property, or null for none
     */
    String render(EventView event, Itip itip, String attendee) {
        return ContentLines.fold(build(event, itip, attendee, IcsWords.ENGLISH));
    }

    private String build(EventView e, Itip itip, String attendee, IcsWords words) {
        StringBuilder out = new StringBuilder();
        ParameterList tz = new ParameterList(List.of(new TzId(e.timeZone())));
        if (e.recurrenceId() != null && e.recurrence() != null) {
            // One date of a series (a person's RSVP is to one date): that instance alone, named by the
            // series' UID and its RECURRENCE-ID (RFC 5546 3.2.2: a REQUEST or CANCEL for one instance).
            VEvent date =
                    common(e, itip == Itip.CANCEL ? EventStatus.CANCELLED : e.status(), tz, itip, attendee, words);
            date.add(new RecurrenceId<>(tz, LocalDateTime.parse(e.recurrenceId())));
            date.add(new DtStart<>(tz, LocalDateTime.parse(e.start())));
            date.add(new DtEnd<>(tz, LocalDateTime.parse(e.end())));
            return out.append(date).toString();
        }
        VEvent master = common(e, itip == Itip.CANCEL ? EventStatus.CANCELLED : e.status(), tz, itip, attendee, words);
        master.add(new DtStart<>(tz, LocalDateTime.parse(e.start())));
        master.add(new DtEnd<>(tz, LocalDateTime.parse(e.end())));
        List<EventView.OccurrenceChange> changes = e.overrides() == null ? List.of() : e.overrides();
        if (e.recurrence() != null) {
            master.add(new RRule<>(e.recurrence().rrule()));
            List<LocalDateTime> exdates = new ArrayList<>(
                    e.recurrence().exdates().stream().map(LocalDateTime::parse).toList());
            if (itip == Itip.REQUEST) {
                // RFC 5546 allows no STATUS:CANCELLED instance in a REQUEST: a cancelled date of the series
                // is an EXDATE there, which removes it from the attendee's calendar all the same.
                changes.stream()
                        .filter(EventView.OccurrenceChange::cancelled)
                        .map(c -> LocalDateTime.parse(c.recurrenceId()))
                        .forEach(exdates::add);
                exdates.sort(null);
            }
            if (!exdates.isEmpty()) {
                master.add(new ExDate<>(tz, new DateList<>(exdates)));
            }
        }
        out.append(master);
        for (EventView.OccurrenceChange change : changes) {
            if (itip == Itip.REQUEST && change.cancelled()) {
                continue;
            }
            LocalDateTime original = LocalDateTime.parse(change.recurrenceId());
            VEvent occurrence = common(
                    e,
                    change.cancelled() || itip == Itip.CANCEL ? EventStatus.CANCELLED : e.status(),
                    tz,
                    itip,
                    attendee,
                    words);
            occurrence.add(new RecurrenceId<>(tz, original));
            LocalDateTime start = change.cancelled() ? original : LocalDateTime.parse(change.start());
            LocalDateTime end = change.cancelled()
                    ? original.plus(
                            java.time.Duration.between(LocalDateTime.parse(e.start()), LocalDateTime.parse(e.end())))
                    : LocalDateTime.parse(change.end());
            occurrence.add(new DtStart<>(tz, start));
            occurrence.add(new DtEnd<>(tz, end));
            out.append(occurrence);
        }
        return out.toString();
    }

    /** The properties every VEVENT of the event shares. */
    private VEvent common(
            EventView e, EventStatus status, ParameterList tz, Itip itip, String attendee, IcsWords words) {
        VEvent v = new VEvent(false);
        v.add(new Uid(e.id() + "@" + publicUrl.host()));
        v.add(new DtStamp(e.updatedAt()));
        v.add(new Created(e.createdAt()));
        v.add(new LastModified(e.updatedAt()));
        v.add(new Sequence(e.sequence()));
        v.add(new Summary(ContentLines.text(
                status == EventStatus.SCHEDULED
                        ? words.plain(e.title())
                        : prefix(status, words) + words.user().apply(e.title()))));
        v.add(new Description(ContentLines.text(description(e, words))));
        v.add(new Status(
                switch (status) {
                    case SCHEDULED -> "CONFIRMED";
                    case POSTPONED -> "TENTATIVE";
                    case CANCELLED -> "CANCELLED";
                }));
        List<String> categories = new ArrayList<>();
        categories.add(e.kind().name());
        e.tags().forEach(tag -> categories.add(ContentLines.text(words.plain(tag))));
        v.add(new Categories(new TextList(categories)));
        v.add(new Url(java.net.URI.create(publicUrl.base() + "/events/" + e.id())));
        if (e.organization() != null && e.organization().name() != null) {
            v.add(new Organizer(
                    new ParameterList(List.of(
                            new Cn(ContentLines.parameter(e.organization().name())))),
                    "mailto:no-reply@" + publicUrl.host()));
        } else if (itip != Itip.FEED) {
            v.add(new Organizer(new ParameterList(List.of(new Cn("Tocsin"))), "mailto:no-reply@" + publicUrl.host()));
        }
        if (attendee != null) {
            // RSVP=FALSE: replies would go to a no-reply address; people answer on Tocsin itself.
            v.add(new Attendee(
                    new ParameterList(List.of(Role.REQ_PARTICIPANT, Rsvp.FALSE)),
                    java.net.URI.create("mailto:" + attendee)));
        }
        EventView.Place place = e.place();
        if (place == null && onlineUrl(e) != null) {
            // Online only: many apps show LOCATION (and make a link of it) but not CONFERENCE.
            v.add(new Location(ContentLines.text(words.plain(onlineUrl(e)))));
        }
        if (place != null && !e.locationHidden()) {
            v.add(new Location(ContentLines.text(location(place, words))));
            if (place.lat() != null) {
                v.add(new Geo(BigDecimal.valueOf(place.lat()), BigDecimal.valueOf(place.lon())));
            }
        }
        if (onlineUrl(e) != null) {
            List<net.fortuna.ical4j.model.Parameter> params = new ArrayList<>(List.of(Value.URI, new Feature("VIDEO")));
            if (e.online().platform() != null) {
                params.add(new Label(ContentLines.parameter(e.online().platform())));
            }
            v.add(new Conference(
                    new ParameterList(params), words.plain(e.online().url())));
        }
        return v;
    }

    /** Some calendar apps drop cancelled events silently; the word in the title cannot be missed. */
    private static String prefix(EventStatus status, IcsWords words) {
        return switch (status) {
            case CANCELLED -> words.cancelled() + ": ";
            case POSTPONED -> words.postponed() + ": ";
            case SCHEDULED -> "";
        };
    }

    private String description(EventView e, IcsWords words) {
        UnaryOperator<String> user = words.user();
        StringBuilder text = new StringBuilder(words.plain(Descriptions.toPlainText(e.description())));
        if (e.statusReason() != null) {
            text.insert(0, user.apply(e.statusReason()) + "\n\n");
        }
        if (words.when() != null) {
            text.insert(0, words.when().apply(e) + "\n\n");
        }
        if (!e.speakers().isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n\n").append(words.speakers()).append(": ");
            text.append(String.join(
                    "; ",
                    e.speakers().stream()
                            .map(s -> user.apply(
                                    s.affiliation() == null ? s.name() : s.name() + " (" + s.affiliation() + ")"))
                            .toList()));
        }
        if (e.accessibility() != null) {
            text.append(text.isEmpty() ? "" : "\n\n")
                    .append(words.accessibility().apply(e));
        }
        if (e.languages() != null && !e.languages().isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n\n")
                    .append(words.languages())
                    .append(": ")
                    .append(user.apply(String.join(", ", e.languages())));
        }
        if (e.privateNotes() != null && !e.privateNotes().isBlank()) {
            text.append(text.isEmpty() ? "" : "\n\n")
                    .append(words.forAttendees())
                    .append(": ")
                    .append(words.plain(Descriptions.toPlainText(e.privateNotes())));
        }
        if (e.place() != null && e.locationHidden()) {
            text.append(text.isEmpty() ? "" : "\n\n")
                    .append(words.locationShared().apply(words.city().apply(e.place())));
        }
        if (onlineUrl(e) != null) {
            // CONFERENCE (RFC 7986) is not shown by Google, Outlook or Apple Calendar: the link in the text is.
            text.append(text.isEmpty() ? "" : "\n\n")
                    .append(words.online())
                    .append(
                            e.online().platform() == null
                                    ? ""
                                    : " (" + user.apply(e.online().platform()) + ")")
                    .append(": ")
                    .append(user.apply(onlineUrl(e)));
        }
        text.append(text.isEmpty() ? "" : "\n\n")
                .append(publicUrl.base())
                .append("/events/")
                .append(e.id());
        return text.toString();
    }

    /** The online link, or null when there is none or the caller may not see it (the view withholds it). */
    private static String onlineUrl(EventView e) {
        return e.online() == null ? null : e.online().url();
    }

    /** "Venue, address, city, country": the city in the words' language, the user's words set as theirs. */
    private static String location(EventView.Place p, IcsWords words) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {p.venue(), p.address()}) {
            if (part != null && !part.isBlank()) {
                parts.add(words.user().apply(part));
            }
        }
        if (p.city() != null && !p.city().isBlank()) {
            parts.add(words.city().apply(p));
        }
        if (p.countryCode() != null && !p.countryCode().isBlank()) {
            parts.add(words.plain(p.countryCode()));
        }
        return String.join(", ", parts);
    }
}
