package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.rsvps.RsvpFixtures.rsvp;
import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A supporter's own calendar of the events they RSVPed to, behind a revocable capability URL. */
class PersonalFeedTest extends IntegrationTest {

    @Test
    void anRsvpToOneDateOfASeriesPutsThatDateAloneInTheFeed() {
        RsvpFixtures f = new RsvpFixtures(api());
        Map<String, Object> body = titled(f.vigil(null), "Weekly vigil");
        body.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=4"));
        String series = f.create(body);
        Api.Caller supporter = api().newUser("Supporter");
        supporter
                .post(
                        "/api/v1/events/" + series + "/rsvps",
                        Map.of("name", "Sup", "response", "GOING", "guests", 0, "occurrence", "2027-05-13T18:00"))
                .expectStatus()
                .isCreated();
        String url = supporter
                .post("/api/v1/me/calendar-feed", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("url")
                .asString();
        String ics = api().anonymous()
                .get(url.substring(url.indexOf("/feeds/")))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        // The VEVENTs only: the VTIMEZONE has RRULEs of its own.
        assertThat(ics.substring(ics.indexOf("BEGIN:VEVENT")))
                .contains("RECURRENCE-ID;TZID=Europe/Berlin:20270513T180000")
                .contains("DTSTART;TZID=Europe/Berlin:20270513T180000")
                .doesNotContain("RRULE", "20270506T180000", "20270520T180000");
        biweekly.ICalendar parsed = biweekly.Biweekly.parse(ics).first();
        assertThat(parsed.getEvents()).hasSize(1);
        assertThat(parsed.getEvents().getFirst().getRecurrenceId()).isNotNull();
    }

    @Test
    void theFeedListsGoingAndMaybeAndRevealsHiddenPlacesOnlyWhereGoing() {
        RsvpFixtures f = new RsvpFixtures(api());
        String goingTo = f.create(titled(f.vigil(null), "Going vigil"));
        String maybeTo = f.create(titled(f.vigil(null), "Maybe vigil"));
        String notGoingTo = f.create(titled(f.vigil(null), "Skipped vigil"));
        f.create(titled(f.vigil(null), "Unanswered vigil"));
        Api.Caller supporter = api().newUser("Supporter");
        supporter
                .post("/api/v1/events/" + goingTo + "/rsvps", rsvp("Sup", "GOING", 0))
                .expectStatus()
                .isCreated();
        supporter
                .post("/api/v1/events/" + maybeTo + "/rsvps", rsvp("Sup", "MAYBE", 0))
                .expectStatus()
                .isCreated();
        supporter
                .post("/api/v1/events/" + notGoingTo + "/rsvps", rsvp("Sup", "NOT_GOING", 0))
                .expectStatus()
                .isCreated();

        supporter
                .get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.calendarFeedUrl")
                .doesNotExist();
        JsonNode issued = supporter
                .post("/api/v1/me/calendar-feed", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String url = issued.get("url").asString();
        assertThat(url).contains("/feeds/private/tcr_").endsWith(".ics");
        assertThat(issued.get("webcal").asString()).startsWith("webcal://");
        supporter
                .get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.calendarFeedUrl")
                .isEqualTo(url);

        String path = url.substring(url.indexOf("/feeds/"));
        String ics = api().anonymous()
                .get(path)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("Cache-Control", ".*private.*")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(ics)
                .contains("SUMMARY:Going vigil")
                .contains("SUMMARY:Maybe vigil")
                .doesNotContain("Skipped vigil")
                .doesNotContain("Unanswered vigil");
        // An independent parser reads the same: two events, the place only in the one they are going to.
        biweekly.ICalendar parsed = biweekly.Biweekly.parse(ics).first();
        assertThat(parsed.getEvents())
                .extracting(e -> e.getSummary().getValue())
                .containsExactlyInAnyOrder("Going vigil", "Maybe vigil");
        assertThat(parsed.getEvents())
                .filteredOn(e -> e.getSummary().getValue().equals("Going vigil"))
                .allSatisfy(e -> assertThat(e.getLocation().getValue()).startsWith("Secret courtyard"));
        assertThat(parsed.getEvents())
                .filteredOn(e -> e.getSummary().getValue().equals("Maybe vigil"))
                .allSatisfy(e -> assertThat(
                                e.getLocation() == null ? "" : e.getLocation().getValue())
                        .doesNotContain("Secret courtyard"));
        // Both events keep their place for attendees: it shows in the one they are going to only.
        assertThat(vevent(ics, "Going vigil")).contains("LOCATION:Secret courtyard");
        assertThat(vevent(ics, "Maybe vigil"))
                .doesNotContain("Secret courtyard")
                .doesNotContain("Hidden Street");

        // Regenerating closes the old address; revoking closes the new one.
        String newUrl = supporter
                .post("/api/v1/me/calendar-feed", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("url")
                .asString();
        assertThat(newUrl).isNotEqualTo(url);
        expectProblem(api().anonymous().get(path), 404, "/problems/not-found");
        String newPath = newUrl.substring(newUrl.indexOf("/feeds/"));
        api().anonymous().get(newPath).expectStatus().isOk();
        supporter.delete("/api/v1/me/calendar-feed").expectStatus().isNoContent();
        expectProblem(api().anonymous().get(newPath), 404, "/problems/not-found");
        supporter
                .get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.calendarFeedUrl")
                .doesNotExist();
        expectProblem(supporter.delete("/api/v1/me/calendar-feed"), 404, "/problems/not-found");
        expectProblem(api().anonymous().post("/api/v1/me/calendar-feed", Map.of()), 401, "/problems/unauthenticated");
    }

    private static String vevent(String ics, String summary) {
        for (String block : ics.split("BEGIN:VEVENT")) {
            if (block.contains("SUMMARY:" + summary + "\r\n")) {
                return block.substring(0, block.indexOf("END:VEVENT"));
            }
        }
        throw new AssertionError("No VEVENT " + summary);
    }

    private static Map<String, Object> titled(Map<String, Object> body, String title) {
        body.put("title", title);
        return body;
    }
}
