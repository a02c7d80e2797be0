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

/** What every iCalendar feed must satisfy, checked on the bytes and through biweekly, an independent parser. */
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
