package org.tocsin.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneInfo;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * What every iCalendar feed must satisfy, checked on the bytes and through two independent parsers:
 * biweekly, and iCal4j's own reading (what DAVx⁵/ICSx⁵ and many Java servers use), which takes the
 * feed's VTIMEZONE as written rather than its own zone data.
 */
public final class IcsChecks {

    private IcsChecks() {}

    /** CRLF line ends, at most 75 octets a physical line, and no UTF-8 sequence cut by a fold. */
    public static void wellFormed(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        int start = 0;
        for (int i = 0; i < body.length - 1; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                assertThat(i - start).as("octets in a line").isLessThanOrEqualTo(75);
                try {
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(body, start, i - start));
                } catch (CharacterCodingException e) {
                    fail("A fold cut a UTF-8 character in line at octet " + start);
                }
                start = i + 2;
            }
        }
    }

    public static ICalendar parse(byte[] body) {
        List<ICalendar> calendars =
                Biweekly.parse(new String(body, StandardCharsets.UTF_8)).all();
        assertThat(calendars).hasSize(1);
        return calendars.getFirst();
    }

    /**
     * iCal4j's reading, with a fresh registry so only the feed's own VTIMEZONEs define its zones: a
     * wrong VTIMEZONE shows here as a wrong instant, as it would in a calendar app.
     */
    public static net.fortuna.ical4j.model.Calendar ical4j(byte[] body) {
        try {
            return new net.fortuna.ical4j.data.CalendarBuilder(
                            new net.fortuna.ical4j.data.CalendarParserImpl(),
                            new net.fortuna.ical4j.model.TimeZoneRegistryImpl())
                    .build(new java.io.StringReader(new String(body, StandardCharsets.UTF_8)));
        } catch (java.io.IOException | net.fortuna.ical4j.data.ParserException e) {
            throw new AssertionError("iCal4j cannot read the feed", e);
        }
    }

    /** Each VEVENT's DTSTART as iCal4j computes it from the feed's VTIMEZONE, in UTC. */
    public static Instant ical4jStart(net.fortuna.ical4j.model.component.VEvent event) {
        java.time.temporal.Temporal start = event.getDateTimeStart().getDate();
        return Instant.from(start);
    }

    /** The master's occurrences as iCal4j expands them (RRULE minus EXDATE), in UTC, within [from, to). */
    public static List<Instant> ical4jExpand(
            net.fortuna.ical4j.model.component.VEvent master, Instant from, Instant to) {
        var period = new net.fortuna.ical4j.model.Period<>(
                from.atZone(java.time.ZoneOffset.UTC), to.atZone(java.time.ZoneOffset.UTC));
        return master.<java.time.ZonedDateTime>calculateRecurrenceSet(period).stream()
                .map(p -> Instant.from(p.getStart()))
                .filter(i -> !i.isBefore(from) && i.isBefore(to))
                .sorted()
                .toList();
    }

    /** The event's occurrences as biweekly expands them (RRULE minus EXDATE), in UTC, within [from, to). */
    public static List<Instant> expand(ICalendar calendar, VEvent master, Instant from, Instant to) {
        TimezoneInfo tz = calendar.getTimezoneInfo();
        var assignment = tz.getTimezone(master.getDateStart());
        TimeZone zone = assignment == null ? TimeZone.getTimeZone("UTC") : assignment.getTimeZone();
        List<Instant> starts = new ArrayList<>();
        if (master.getRecurrenceRule() == null) {
            starts.add(master.getDateStart().getValue().toInstant());
            return starts;
        }
        DateIterator it = master.getDateIterator(zone);
        while (it.hasNext()) {
            Instant next = it.next().toInstant();
            if (!next.isBefore(to)) {
                break;
            }
            if (!next.isBefore(from)) {
                starts.add(next);
            }
        }
        return starts;
    }
}
