package org.tocsin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/**
 * One date of a series ({@code ?occurrence=}), on the server-rendered page and in the API the web app
 * reads: it says what happened to that date (cancelled, moved from … to …) and shows that date's
 * counts, not another date's; an RSVP through the page's form is for that date.
 */
class SeriesDatePagesTest extends IntegrationTest {

    private OrganizationFixtures group;
    private String series;

    @BeforeEach
    void aWeeklySeriesWithOneDateMovedAndOneCancelled() {
        group = new OrganizationFixtures(api());
        series = group.owner.createdId(
                "/api/v1/events",
                Map.of(
                        "organization", group.organization,
                        "title", "Weekly vigil",
                        "kind", "VIGIL",
                        "start", "2027-03-04T18:00",
                        "end", "2027-03-04T19:00",
                        "timeZone", "Europe/Berlin",
                        "recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=4"),
                        "place", Map.of("city", "Berlin", "countryCode", "DE")));
        group.owner
                .put(
                        "/api/v1/events/" + series + "/occurrences/2027-03-11T18:00",
                        Map.of("start", "2027-03-12T17:00", "end", "2027-03-12T18:00"))
                .expectStatus()
                .isOk();
        group.owner
                .put("/api/v1/events/" + series + "/occurrences/2027-03-18T18:00", Map.of("cancelled", true))
                .expectStatus()
                .isOk();
        // Two going to the first date, none to the others.
        api().anonymous()
                .post(
                        "/api/v1/events/" + series + "/rsvps",
                        Map.of("name", "Ada", "response", "GOING", "guests", 1, "occurrence", "2027-03-04T18:00"))
                .expectStatus()
                .isCreated();
    }

    private String page(String path, String language) {
        return web.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void aMovedDateSaysFromWhenToWhenAndShowsItsOwnCounts() {
        String html = page("/events/" + series + "?occurrence=2027-03-11T18:00", "en");
        assertThat(html)
                .contains("This date was moved from \u2068Thursday, 11 March 2027, 18:00\u2069 to"
                        + " \u2068Friday, 12 March 2027, 17:00\u2069.")
                .contains("Friday, 12 March 2027, 17:00 – 18:00")
                .contains("0 going")
                .contains("<input type=\"hidden\" name=\"occurrence\" value=\"2027-03-11T18:00\">")
                .contains("<a href=\"/events/" + series + "?lang=en\">All dates of this action</a>");
        assertThat(page("/events/" + series + "?occurrence=2027-03-04T18:00", "en"))
                .contains("2 going")
                .doesNotContain("moved from");
        assertThat(page("/events/" + series + "?occurrence=2027-03-11T18:00&lang=fa", "en"))
                .contains(
                        "این تاریخ از \u2068پنجشنبه ۲۰ اسفند ۱۴۰۵، ۱۸:۰۰\u2069 به \u2068جمعه ۲۱ اسفند ۱۴۰۵، ۱۷:۰۰\u2069"
                                + " جابه‌جا شد.");
    }

    @Test
    void aCancelledDateSaysThatDateIsCancelledNotTheAction() {
        String html = page("/events/" + series + "?occurrence=2027-03-18T18:00", "en");
        assertThat(html)
                .contains("This date is cancelled; the other dates of this action are not.")
                .doesNotContain("This action is cancelled.")
                .contains("This action takes no RSVPs.");
        assertThat(page("/events/" + series + "?occurrence=2027-03-25T18:00", "en"))
                .doesNotContain("cancelled");
    }

    @Test
    void theApiAnswersOneDateWithItsStatusTimesAndCounts() {
        for (Map.Entry<String, List<String>> date : Map.of(
                        "2027-03-04T18:00", List.of("SCHEDULED", "2027-03-04T18:00", "2"),
                        "2027-03-11T18:00", List.of("SCHEDULED", "2027-03-12T17:00", "0"),
                        "2027-03-18T18:00", List.of("CANCELLED", "2027-03-18T18:00", "0"))
                .entrySet()) {
            JsonNode view = api().anonymous()
                    .get("/api/v1/events/" + series + "?occurrence=" + date.getKey())
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(view.get("recurrenceId").asString()).isEqualTo(date.getKey());
            assertThat(view.get("status").asString()).isEqualTo(date.getValue().get(0));
            assertThat(view.get("start").asString()).isEqualTo(date.getValue().get(1));
            assertThat(view.get("attendance").get("going").asString())
                    .isEqualTo(date.getValue().get(2));
        }
        // A date not in the series: the series as a whole, as without ?occurrence=.
        JsonNode whole = api().anonymous()
                .get("/api/v1/events/" + series + "?occurrence=2027-03-05T18:00")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(whole.has("recurrenceId")).isFalse();
        assertThat(whole.get("overrides")).hasSize(2);
    }
}
