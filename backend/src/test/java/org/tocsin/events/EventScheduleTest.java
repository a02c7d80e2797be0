package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.kernel.Refusal;

class EventScheduleTest {

    private static EventSchedule weekly(String rrule, String zone) {
        return EventSchedule.validated(
                LocalDateTime.parse("2027-03-04T18:00"),
                LocalDateTime.parse("2027-03-04T19:00"),
                zone,
                new EventDocument.Recurrence(rrule, List.of()),
                List.of());
    }

    @Test
    void aStartTheClocksSkipIsRefusedNamingTheField() {
        // 02:30 does not exist on 14 March 2027 in Los Angeles.
        assertThatThrownBy(() -> EventSchedule.validated(
                        LocalDateTime.parse("2027-03-14T02:30"),
                        LocalDateTime.parse("2027-03-14T03:30"),
                        "America/Los_Angeles",
                        null,
                        List.of()))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("start")
                .hasMessageContaining("clocks go forward");
    }

    @Test
    void aSeriesOccurrenceInTheGapMovesForwardByTheGap() {
        EventSchedule schedule = EventSchedule.validated(
                LocalDateTime.parse("2027-03-07T02:30"),
                LocalDateTime.parse("2027-03-07T03:00"),
                "America/Los_Angeles",
                new EventDocument.Recurrence("FREQ=WEEKLY;COUNT=2", List.of()),
                List.of());
        // The second Sunday is the night of the change: 02:30 becomes 03:30 PDT, 10:30Z.
        assertThat(schedule.between(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"), 10))
                .extracting(Occurrence::startUtc)
                .containsExactly(Instant.parse("2027-03-07T10:30:00Z"), Instant.parse("2027-03-14T10:30:00Z"));
    }

    @Test
    void seriesWithCountOrUntilEndAndOthersDoNot() {
        assertThat(weekly("FREQ=WEEKLY;COUNT=3", "Europe/Berlin").lastEndUtc())
                .isEqualTo(Instant.parse("2027-03-18T18:00:00Z"));
        // A UTC UNTIL (what RFC 5545 asks for with a TZID) is honoured in the zone's local time.
        assertThat(weekly("FREQ=WEEKLY;UNTIL=20270318T170000Z", "Europe/Berlin").lastEndUtc())
                .isEqualTo(Instant.parse("2027-03-18T18:00:00Z"));
        assertThat(weekly("FREQ=WEEKLY", "Europe/Berlin").lastEndUtc()).isNull();
    }

    @Test
    void pathologicalRulesAreRefused() {
        assertThatThrownBy(() -> weekly("FREQ=MINUTELY", "Europe/Berlin")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> weekly("FREQ=DAILY;COUNT=100000", "Europe/Berlin"))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> weekly("FREQ=DAILY;BYHOUR=1,2,3,4,5,6,7,8,9,10", "Europe/Berlin"))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> weekly("COUNT=3", "Europe/Berlin")).isInstanceOf(Refusal.class);
    }

    @Test
    void aWindowNeverReturnsMoreThanAsked() {
        EventSchedule daily = weekly("FREQ=DAILY", "Asia/Tehran");
        assertThat(daily.between(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"), 50))
                .hasSize(50);
    }
}
