package org.tocsin.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.tocsin.events.EventRequest;
import org.tocsin.text.UserText;

/**
 * Reads a partner's iCalendar file into the events it describes, one per UID: the series (RRULE, EXDATE)
 * and the occurrences it moved or cancelled (RECURRENCE-ID), times in the zone the partner gave (IANA,
 * vendor-prefixed or Windows TZIDs; other TZIDs through their VTIMEZONE; UTC and floating times in the
 * calendar's X-WR-TIMEZONE or the source's zone), all-day events as whole local days, and STATUS:CANCELLED.
 * A VEVENT Tocsin cannot represent is refused with the reason; the rest of the file is still read.
 *
 * <p>Bounded work: at most {@link #MAX_VEVENTS} VEVENTs (counted in the text before parsing), texts cut to
 * the events feature's limits, series checked by the events feature's recurrence bounds when applied.
 */
final class IcsImport {

    static final int MAX_VEVENTS = 2000;
    static final int MAX_UIDS = 500;
    static final int MAX_OVERRIDES = 200;
    static final int MAX_EXDATES = 500;
    private static final int MAX_TITLE = 200;
    private static final int MAX_DESCRIPTION = 20_000;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /**
     * @param refreshInterval the calendar's REFRESH-INTERVAL or X-PUBLISHED-TTL, when it gives one
     */
    record Result(List<PlannedEvent> events, List<Refused> refused, int skipped, Optional<Duration> refreshInterval) {}

    record Refused(String uid, String summary, String reason) {}

    /** A whole file Tocsin cannot read; the message says why. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private IcsImport() {}

    static Result read(byte[] ics, String organization, ImportDefaults defaults, Instant now) {
        String text = new String(ics, StandardCharsets.UTF_8);
        int vevents = count(text, "BEGIN:VEVENT");
        if (vevents > MAX_VEVENTS) {
            throw new Unreadable("has " + vevents + " VEVENTs; at most " + MAX_VEVENTS + " are read");
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder()
                    .build(new InputStreamReader(new ByteArrayInputStream(ics), StandardCharsets.UTF_8));
        } catch (ParserException e) {
            throw new Unreadable("is not a valid iCalendar file (line " + e.getLineNo() + ")");
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("is not a valid iCalendar file");
        }
        Map<String, VTimeZone> timezones = new HashMap<>();
        for (VTimeZone tz : calendar.<VTimeZone>getComponents(Component.VTIMEZONE)) {
            tz.getProperty(Property.TZID).ifPresent(id -> timezones.put(id.getValue(), tz));
        }
        ZoneId calendarZone = calendar.getProperty("X-WR-TIMEZONE")
                .map(p -> IcsZones.zone(p.getValue()))
                .orElse(null);
        Reader reader =
                new Reader(organization, defaults, timezones, calendarZone == null ? defaults.zone() : calendarZone);

        Map<String, List<Component>> byUid = new LinkedHashMap<>();
        List<Refused> refused = new ArrayList<>();
        for (CalendarComponent vevent : calendar.<CalendarComponent>getComponents(Component.VEVENT)) {
            Optional<String> uid =
                    vevent.getProperty(Property.UID).map(Property::getValue).filter(u -> !u.isBlank());
            if (uid.isEmpty()) {
                refused.add(new Refused(null, summary(vevent), "has no UID"));
            } else if (byUid.containsKey(uid.get()) || byUid.size() < MAX_UIDS) {
                byUid.computeIfAbsent(uid.get(), u -> new ArrayList<>()).add(vevent);
            } else {
                refused.add(new Refused(uid.get(), summary(vevent), "beyond the first " + MAX_UIDS + " events"));
            }
        }
        List<PlannedEvent> planned = new ArrayList<>();
        int skipped = 0;
        for (Map.Entry<String, List<Component>> group : byUid.entrySet()) {
            Component master = group.getValue().stream()
                    .filter(c -> c.getProperty(Property.RECURRENCE_ID).isEmpty())
                    .findFirst()
                    .orElse(null);
            try {
                if (master == null) {
                    throw new IllegalArgumentException("changes occurrences of a series that is not in the calendar");
                }
                PlannedEvent event = reader.event(group.getKey(), master, group.getValue());
                if (event.request().recurrence() == null
                        && event.request()
                                .end()
                                .atZone(zoneOf(event))
                                .toInstant()
                                .isBefore(now.minus(Duration.ofDays(1)))) {
                    skipped++; // Past one-off events: a partner's archive is not news.
                } else {
                    planned.add(event);
                }
            } catch (IllegalArgumentException e) {
                refused.add(new Refused(
                        group.getKey(),
                        summary(master == null ? group.getValue().getFirst() : master),
                        e.getMessage()));
            }
        }
        return new Result(planned, refused, skipped, refreshInterval(calendar));
    }

    private static ZoneId zoneOf(PlannedEvent event) {
        return ZoneId.of(event.request().timeZone());
    }

    private static Optional<Duration> refreshInterval(Calendar calendar) {
        for (String name : new String[] {"REFRESH-INTERVAL", "X-PUBLISHED-TTL"}) {
            Optional<Property> p = calendar.getProperty(name);
            if (p.isPresent()) {
                try {
                    return Optional.of(Duration.parse(p.get().getValue().strip()));
                } catch (DateTimeParseException e) {
                    // Unreadable: as if absent.
                }
            }
        }
        return Optional.empty();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static String summary(Component c) {
        return c.getProperty(Property.SUMMARY)
                .map(p -> cut(UserText.printable(p.getValue(), ""), 120))
                .orElse(null);
    }

    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** The reading of one file: its zones and the source's defaults. */
    private record Reader(
            String organization, ImportDefaults defaults, Map<String, VTimeZone> timezones, ZoneId floatingZone) {

        PlannedEvent event(String uid, Component master, List<Component> all) {
            Property dtstart = master.getProperty(Property.DTSTART)
                    .orElseThrow(() -> new IllegalArgumentException("has no DTSTART"));
            Time start = time(dtstart, "DTSTART");
            ZoneId zone = start.tzid() != null && IcsZones.zone(start.tzid()) != null
                    ? IcsZones.zone(start.tzid())
                    : floatingZone;
            LocalDateTime localStart = local(start, zone);
            LocalDateTime localEnd = end(master, start, localStart, zone);

            String rawTitle = master.getProperty(Property.SUMMARY)
                    .map(Property::getValue)
                    .map(s -> s.replaceAll("\\s+", " ").strip())
                    .filter(s -> !s.isEmpty())
                    .orElseThrow(() -> new IllegalArgumentException("has no SUMMARY"));
            String title = text(() -> UserText.oneLine(cut(rawTitle, MAX_TITLE)), "SUMMARY");
            String location = master.getProperty(Property.LOCATION)
                    .map(p -> p.getValue().replaceAll("\\s+", " ").strip())
                    .filter(s -> !s.isEmpty())
                    .orElse(null);
            String link = master.getProperty(Property.URL)
                    .map(p -> p.getValue().strip())
                    .filter(IcsImport::isWebLink)
                    .orElse(null);
            String given = master.getProperty(Property.DESCRIPTION)
                    .map(Property::getValue)
                    .orElse("");
            String description = link == null || given.contains(link)
                    ? given
                    : given.isBlank() ? link : given.strip() + "\n\n" + link;
            String cleanDescription = text(() -> UserText.multiLine(cut(description, MAX_DESCRIPTION)), "DESCRIPTION");
            boolean online = location != null && isWebLink(location);
            EventRequest.PlaceRequest place = new EventRequest.PlaceRequest(
                    online || location == null ? null : text(() -> UserText.oneLine(cut(location, 200)), "LOCATION"),
                    null,
                    defaults.city(),
                    defaults.countryCode(),
                    null,
                    null);
            EventRequest.OnlineRequest onlineLink =
                    online ? new EventRequest.OnlineRequest(cut(location, 2000), null) : null;

            if (master.getProperties(Property.RDATE).size() > 0) {
                throw new IllegalArgumentException("uses RDATE, which Tocsin does not support; use RRULE");
            }
            List<Property> rrules = master.getProperties(Property.RRULE);
            if (rrules.size() > 1) {
                throw new IllegalArgumentException("has more than one RRULE");
            }
            EventRequest.RecurrenceRequest recurrence = null;
            if (rrules.size() == 1) {
                List<LocalDateTime> exdates = new ArrayList<>();
                for (Property exdate : master.getProperties(Property.EXDATE)) {
                    for (String value : exdate.getValue().split(",")) {
                        if (exdates.size() >= MAX_EXDATES) {
                            throw new IllegalArgumentException("has more than " + MAX_EXDATES + " EXDATEs");
                        }
                        exdates.add(local(time(value.strip(), tzid(exdate), "EXDATE"), zone));
                    }
                }
                recurrence = new EventRequest.RecurrenceRequest(
                        cut(rrules.getFirst().getValue(), 500),
                        exdates.stream().sorted().distinct().toList());
            }
            boolean cancelled = isCancelled(master);
            Duration length = Duration.between(localStart, localEnd);
            List<PlannedEvent.Occurrence> occurrences = new ArrayList<>();
            for (Component c : all) {
                Optional<Property> rid = c.getProperty(Property.RECURRENCE_ID);
                if (rid.isEmpty()) {
                    continue;
                }
                if (recurrence == null) {
                    throw new IllegalArgumentException("has a RECURRENCE-ID but no RRULE");
                }
                if (occurrences.size() >= MAX_OVERRIDES) {
                    throw new IllegalArgumentException("changes more than " + MAX_OVERRIDES + " occurrences");
                }
                LocalDateTime original = local(time(rid.get(), "RECURRENCE-ID"), zone);
                if (isCancelled(c)) {
                    occurrences.add(new PlannedEvent.Occurrence(original, true, null, null));
                    continue;
                }
                Time movedStart = c.getProperty(Property.DTSTART)
                        .map(p -> time(p, "DTSTART"))
                        .orElse(null);
                LocalDateTime from = movedStart == null ? original : local(movedStart, zone);
                LocalDateTime to = c.getProperty(Property.DTEND).isPresent()
                                || c.getProperty(Property.DURATION).isPresent()
                        ? end(c, movedStart == null ? start : movedStart, from, zone)
                        : from.plus(length);
                if (!from.equals(original) || !to.equals(original.plus(length))) {
                    occurrences.add(new PlannedEvent.Occurrence(original, false, from, to));
                }
            }
            occurrences.sort(Comparator.comparing(PlannedEvent.Occurrence::recurrenceId));
            EventRequest request = new EventRequest(
                    organization,
                    title,
                    cleanDescription,
                    defaults.kind(),
                    localStart,
                    localEnd,
                    zone.getId(),
                    recurrence,
                    place,
                    onlineLink,
                    null,
                    null,
                    defaults.visibility(),
                    null,
                    defaults.tags(),
                    null,
                    defaults.campaign(),
                    null);
            String summary = cut(title, 120);
            return new PlannedEvent(
                    uid,
                    summary,
                    request,
                    cancelled,
                    List.copyOf(occurrences),
                    fingerprint(request, cancelled, occurrences));
        }

        private LocalDateTime end(Component c, Time start, LocalDateTime localStart, ZoneId zone) {
            Optional<Property> dtend = c.getProperty(Property.DTEND);
            if (dtend.isPresent()) {
                return local(time(dtend.get(), "DTEND"), zone);
            }
            Optional<Property> duration = c.getProperty(Property.DURATION);
            if (duration.isPresent()) {
                return localStart.plus(duration(duration.get().getValue()));
            }
            // RFC 5545: a day without DTEND is that one day; a time without one is an instant, which Tocsin cannot
            // show as an event: an hour is what calendar programs make of it.
            return start.date() ? localStart.plusDays(1) : localStart.plusHours(1);
        }

        private LocalDateTime local(Time t, ZoneId zone) {
            if (t.date() || (t.tzid() == null && !t.utc())) {
                return t.local();
            }
            if (t.utc()) {
                return t.local()
                        .atOffset(ZoneOffset.UTC)
                        .atZoneSameInstant(zone)
                        .toLocalDateTime();
            }
            ZoneId named = IcsZones.zone(t.tzid());
            if (named != null) {
                return t.local().atZone(named).withZoneSameInstant(zone).toLocalDateTime();
            }
            VTimeZone vtz = timezones.get(t.tzid());
            if (vtz == null) {
                throw new IllegalArgumentException("uses the time zone '" + cut(UserText.printable(t.tzid(), ""), 60)
                        + "', which is neither known nor described by a VTIMEZONE");
            }
            TimeZone tz = new TimeZone(vtz);
            long asUtc = t.local().toEpochSecond(ZoneOffset.UTC) * 1000;
            long instant = asUtc - tz.getOffset(asUtc);
            instant = asUtc - tz.getOffset(instant);
            return Instant.ofEpochMilli(instant).atZone(zone).toLocalDateTime();
        }
    }

    private static String text(java.util.function.Supplier<String> clean, String property) {
        try {
            return clean.get();
        } catch (UserText.Refused e) {
            throw new IllegalArgumentException(property + " " + e.getMessage());
        }
    }

    private static boolean isCancelled(Component c) {
        return c.getProperty(Property.STATUS)
                .map(s -> s.getValue().strip().equalsIgnoreCase("CANCELLED"))
                .orElse(false);
    }

    static boolean isWebLink(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && s.length() <= 2000 && !s.contains(" ");
    }

    /** A DATE or DATE-TIME value as written, with its TZID. */
    private record Time(LocalDateTime local, String tzid, boolean utc, boolean date) {}

    private static String tzid(Property p) {
        return p.getParameter(Parameter.TZID).map(Parameter::getValue).orElse(null);
    }

    private static Time time(Property p, String name) {
        return time(p.getValue().strip(), tzid(p), name);
    }

    private static Time time(String value, String tzid, String name) {
        try {
            if (value.length() == 8) {
                return new Time(
                        LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(), null, false, true);
            }
            if (value.endsWith("Z") || value.endsWith("z")) {
                return new Time(LocalDateTime.parse(value.substring(0, value.length() - 1), LOCAL), null, true, false);
            }
            return new Time(LocalDateTime.parse(value, LOCAL), tzid, false, false);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not a date or date-time");
        }
    }

    private static TemporalAmount duration(String value) {
        String v = value.strip();
        try {
            return v.contains("T") ? Duration.parse(v) : Period.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("DURATION is not a duration");
        }
    }

    /** What is applied, hashed: the same VEVENT under the same defaults is not written twice. */
    private static String fingerprint(
            EventRequest request, boolean cancelled, List<PlannedEvent.Occurrence> occurrences) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request + "|" + cancelled + "|" + occurrences).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
