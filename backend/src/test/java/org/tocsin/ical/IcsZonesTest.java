package org.tocsin.ical;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.ICalendar;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tocsin.events.EventKind;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventView;
import org.tocsin.kernel.PublicUrl;

/**
 * A weekly series in one zone, alone in its feed (so its first event starts the zone's VTIMEZONE),
 * read back by iCal4j and biweekly: every occurrence lands at the instant java.time gives for its
 * local time, across the zone's clock changes. Southern-hemisphere zones and first events in summer
 * time are the cases where a VTIMEZONE starting with a made-up observance at the first event put
 * iCal4j-based apps (DAVx⁵, ICSx⁵) an hour off.
 */
class IcsZonesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final int WEEKS = 30;

    @ParameterizedTest
    @CsvSource({
        "Australia/Sydney, 2027-01-14T18:00",
        "Australia/Melbourne, 2027-02-04T18:30",
        "Pacific/Auckland, 2027-02-10T19:00",
        "America/Santiago, 2027-01-20T19:00",
        "Europe/Berlin, 2027-07-01T18:00",
        "America/New_York, 2027-01-07T18:00",
        "Asia/Tehran, 2027-03-01T17:00",
        "Africa/Johannesburg, 2027-03-01T17:00"
    })
    void everyOccurrenceIsAtTheSameInstantInICal4jBiweeklyAndJavaTime(String zoneId, String start) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalDateTime first = LocalDateTime.parse(start);
        EventView series = IcsGoldenTest.event(
                "s1",
                "Weekly vigil",
                "",
                EventKind.VIGIL,
                EventStatus.SCHEDULED,
                start,
                first.plusHours(1).toString(),
                zoneId,
                new EventView.Recurrence("FREQ=WEEKLY;COUNT=" + WEEKS, List.of()),
                null,
                null,
                null,
                0);
        List<Instant> expected = IntStream.range(0, WEEKS)
                .mapToObj(w -> first.plusWeeks(w).atZone(zone).toInstant())
                .toList();
        byte[] body = new IcsFeed(new IcsEvents(new PublicUrl(URI.create("https://tocsin.example"))))
                .render("Zones", "", List.of(series), NOW)
                .getBytes(StandardCharsets.UTF_8);
        IcsChecks.wellFormed(body);
        Instant from = expected.getFirst().minusSeconds(86_400);
        Instant to = expected.getLast().plusSeconds(86_400);

        net.fortuna.ical4j.model.component.VEvent master = IcsChecks.ical4j(body)
                .<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT")
                .getFirst();
        assertThat(IcsChecks.ical4jStart(master)).as("iCal4j DTSTART").isEqualTo(expected.getFirst());
        assertThat(IcsChecks.ical4jExpand(master, from, to))
                .as("iCal4j occurrences")
                .containsExactlyElementsOf(expected);

        ICalendar calendar = IcsChecks.parse(body);
        assertThat(IcsChecks.expand(calendar, calendar.getEvents().getFirst(), from, to))
                .as("biweekly occurrences")
                .containsExactlyElementsOf(expected);
    }
}
