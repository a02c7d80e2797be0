package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class EventTimesTest extends IntegrationTest {

    @Test
    void tehranIsThreeAndAHalfHoursAheadWithNoSummerTime() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> body = f.vigil("2027-07-10T19:00", "2027-07-10T20:30");
        body.put("timeZone", "Asia/Tehran");
        body.put("place", Map.of("city", "Tehran", "countryCode", "IR"));
        JsonNode event = f.create(body);
        // Iran dropped daylight saving in 2022: July is +03:30 like January.
        assertThat(event.get("startUtc").asString()).isEqualTo("2027-07-10T15:30:00Z");
        assertThat(event.get("endUtc").asString()).isEqualTo("2027-07-10T17:00:00Z");
        assertThat(event.get("start").asString()).isEqualTo("2027-07-10T19:00");
    }

    @Test
    void berlinInSummerIsTwoHoursAhead() {
        EventFixtures f = new EventFixtures(api());
        JsonNode event = f.create(f.vigil("2027-06-20T18:00", "2027-06-20T19:00"));
        assertThat(event.get("startUtc").asString()).isEqualTo("2027-06-20T16:00:00Z");
    }

    @Test
    void aWeeklyLosAngelesVigilStaysAtSixPmAcrossTheMarchChange() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> body = f.vigil("2027-02-25T18:00", "2027-02-25T19:00");
        body.put("timeZone", "America/Los_Angeles");
        body.put("place", Map.of("city", "Los Angeles", "countryCode", "US"));
        body.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;BYDAY=TH;COUNT=4"));
        f.create(body);
        List<JsonNode> occurrences = f.discover(f.owner, "");
        assertThat(occurrences)
                .extracting(o -> o.get("start").asString())
                .containsExactly("2027-02-25T18:00", "2027-03-04T18:00", "2027-03-11T18:00", "2027-03-18T18:00");
        // US daylight saving starts on 14 March 2027: 02:00Z before, 01:00Z after.
        assertThat(occurrences)
                .extracting(o -> o.get("startUtc").asString())
                .containsExactly(
                        "2027-02-26T02:00:00Z", "2027-03-05T02:00:00Z", "2027-03-12T02:00:00Z", "2027-03-19T01:00:00Z");
    }

    @Test
    void aLocalUntilIsStoredAndServedInUtcAsRfc5545RequiresWithATzid() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> body = f.vigil("2027-03-04T18:00", "2027-03-04T19:00");
        // What older web apps sent: UNTIL in the event's local time, without Z.
        body.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T235959"));
        JsonNode event = f.create(body);
        // The end of 1 April in Berlin (summer time from 28 March, +2) is 21:59:59 UTC.
        assertThat(event.get("recurrence").get("rrule").asString())
                .isEqualTo("FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T215959Z");
        assertThat(f.discover(f.owner, ""))
                .extracting(o -> o.get("start").asString())
                .containsExactly(
                        "2027-03-04T18:00",
                        "2027-03-11T18:00",
                        "2027-03-18T18:00",
                        "2027-03-25T18:00",
                        "2027-04-01T18:00");
        String id = event.get("id").asString();
        assertThat(f.owner
                        .get("/events/" + id + ".ics")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("RRULE:FREQ=WEEKLY;UNTIL=20270401T215959Z;BYDAY=TH");
        // A date-only UNTIL is the end of that day in the zone, too.
        Map<String, Object> dated = f.vigil("2027-03-04T18:00", "2027-03-04T19:00");
        dated.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;UNTIL=20270318"));
        assertThat(f.create(dated).get("recurrence").get("rrule").asString())
                .isEqualTo("FREQ=WEEKLY;UNTIL=20270318T225959Z");
    }

    @Test
    void exdatesAreLeftOutAndAMovedOccurrenceMovesAlone() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> body = f.vigil("2027-01-07T18:00", "2027-01-07T19:00");
        body.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=5", "exdates", List.of("2027-01-14T18:00")));
        String id = f.create(body).get("id").asString();

        f.owner
                .put(
                        "/api/v1/events/" + id + "/occurrences/2027-01-21T18:00",
                        Map.of("start", "2027-01-22T17:00", "end", "2027-01-22T18:30"))
                .expectStatus()
                .isOk();
        f.owner
                .put("/api/v1/events/" + id + "/occurrences/2027-01-28T18:00", Map.of("cancelled", true))
                .expectStatus()
                .isOk();

        List<JsonNode> occurrences = f.discover(f.owner, "");
        assertThat(occurrences)
                .extracting(o -> o.get("recurrenceId").asString() + " "
                        + o.get("start").asString() + " " + o.get("status").asString())
                .containsExactly(
                        "2027-01-07T18:00 2027-01-07T18:00 SCHEDULED",
                        "2027-01-21T18:00 2027-01-22T17:00 SCHEDULED",
                        "2027-01-28T18:00 2027-01-28T18:00 CANCELLED",
                        "2027-02-04T18:00 2027-02-04T18:00 SCHEDULED");
        // Undoing the move puts the occurrence back at its place in the series.
        f.owner
                .delete("/api/v1/events/" + id + "/occurrences/2027-01-21T18:00")
                .expectStatus()
                .isOk();
        assertThat(f.discover(f.owner, ""))
                .extracting(o -> o.get("start").asString())
                .contains("2027-01-21T18:00")
                .doesNotContain("2027-01-22T17:00");
        // A date that is not an occurrence of the series is not found.
        f.owner
                .put("/api/v1/events/" + id + "/occurrences/2027-01-08T18:00", Map.of("cancelled", true))
                .expectStatus()
                .isNotFound();
    }

    @Test
    void theZoneDefaultsToTheCitysOnceOneIsKnown() {
        EventFixtures f = new EventFixtures(api());
        Map<String, Object> first = f.vigil("2027-05-01T12:00", "2027-05-01T13:00");
        first.put("timeZone", "Asia/Tehran");
        first.put("place", Map.of("city", "Zahedan", "countryCode", "IR"));
        f.create(first);
        Map<String, Object> second = f.vigil("2027-05-08T12:00", "2027-05-08T13:00");
        second.remove("timeZone");
        second.put("place", Map.of("city", "zahedan ", "countryCode", "ir"));
        JsonNode event = f.create(second);
        assertThat(event.get("timeZone").asString()).isEqualTo("Asia/Tehran");
        assertThat(event.get("place").get("cityKey").asString()).isEqualTo("ir/zahedan");
    }
}
