package org.tocsin.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.component.VEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.tocsin.ical.IcsChecks;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ?lang=fa} on a public feed: the feed's own words in Persian, dates in Persian digits with the
 * Solar Hijri date and the Gregorian one, user text between isolates; English as it always was; and
 * the two languages never share a body, an ETag or a 304.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedLanguageTest extends IntegrationTest {

    private static final String FSI = "\u2068";
    private static final String PDI = "\u2069";
    private static final String CITY = "/feeds/cities/de/bielefeld";
    private static final String BIELEFELD_FA = "بیله‌فلد";

    private String eventId;

    @BeforeAll
    void aCityEventWithSpeakersAccessibilityAndLanguages() {
        Api.Caller owner = api().newUser("Organizer");
        String org = owner.post("/api/v1/organizations", Map.of("name", "Feed language " + System.nanoTime()))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("slug")
                .asString();
        Map<String, Object> body = new HashMap<>();
        body.put("organization", org);
        body.put("title", "Vigil at the Rathaus");
        body.put("kind", "VIGIL");
        body.put("start", "2027-03-04T18:00");
        body.put("end", "2027-03-04T20:00");
        body.put("timeZone", "Europe/Berlin");
        body.put(
                "place",
                new HashMap<>(Map.of(
                        "venue", "Rathaus", "city", "Bielefeld", "countryCode", "DE", "lat", 52.02, "lon", 8.53)));
        body.put("speakers", List.of(Map.of("name", "Narges")));
        body.put("languages", List.of("fa", "de"));
        body.put("accessibility", Map.of("features", List.of("STEP_FREE_ACCESS"), "note", "Ramp at the side"));
        eventId = owner.createdId("/api/v1/events", body);
    }

    private EntityExchangeResult<byte[]> get(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult();
    }

    private JsonNode item(String path) {
        JsonNode feed = JsonMapper.builder().build().readTree(get(path).getResponseBody());
        for (JsonNode item : feed.get("items")) {
            if (item.get("id").asString().equals(eventId)) {
                return item;
            }
        }
        throw new AssertionError("event not in " + path);
    }

    private String description(String path) {
        for (VEvent e : IcsChecks.parse(get(path).getResponseBody()).getEvents()) {
            if (e.getUid().getValue().startsWith(eventId + "@")) {
                return e.getDescription().getValue();
            }
        }
        throw new AssertionError("event not in " + path);
    }

    @Test
    void aPersianJsonFeedWritesItsWordsAndDatesInPersian() {
        String text = item(CITY + ".json?lang=fa").get("content_text").asString();
        // 4 March 2027 is Thursday 13 Esfand 1405.
        assertThat(text)
                .startsWith("زمان: پنجشنبه ۱۳ اسفند ۱۴۰۵، ۱۸:۰۰ – ۲۰:۰۰ (" + FSI + "Europe/Berlin" + PDI + ")")
                .contains("۴ مارس ۲۰۲۷")
                // The city by the gazetteer's Persian name (ours, not isolated); typed words isolated.
                .contains("\nمکان: " + FSI + "Rathaus" + PDI + "، " + BIELEFELD_FA + "، " + FSI + "DE" + PDI)
                .contains("دسترس‌پذیری: دسترسی بدون پله. " + FSI + "Ramp at the side" + PDI)
                .doesNotContain("When:", "Where:", "Accessibility:", "18:00");

        String english = item(CITY + ".json").get("content_text").asString();
        assertThat(english)
                .startsWith("When: Thu, 4 Mar 2027, 18:00–20:00 (Europe/Berlin)\nWhere: Rathaus, Bielefeld, DE")
                .contains("Accessibility: step-free access. Ramp at the side")
                .doesNotContain(FSI, "زمان");
        // Unknown or malformed languages are English, never an error.
        assertThat(item(CITY + ".json?lang=xx").get("content_text").asString()).isEqualTo(english);
        assertThat(item(CITY + ".json?lang=").get("content_text").asString()).isEqualTo(english);
    }

    @Test
    void aPersianCalendarDescribesTheEventInPersian() {
        String fa = description(CITY + ".ics?lang=fa");
        assertThat(fa)
                .startsWith("پنجشنبه ۱۳ اسفند ۱۴۰۵، ۱۸:۰۰ – ۲۰:۰۰")
                .contains("۴ مارس ۲۰۲۷")
                // User-written words among ours between isolates, which the Persian calendar keeps.
                .contains("سخنرانان: " + FSI + "Narges" + PDI)
                .contains("دسترس‌پذیری: دسترسی بدون پله. " + FSI + "Ramp at the side" + PDI)
                .contains("زبان‌ها: " + FSI + "fa, de" + PDI)
                .doesNotContain("Speakers:", "Languages:", "Accessibility:");

        String en = description(CITY + ".ics");
        assertThat(en)
                .startsWith("Speakers: Narges")
                .contains("Accessibility: step-free access. Ramp at the side")
                .contains("Languages: fa, de")
                .doesNotContain("۱۴۰۵", "سخنرانان", FSI, PDI);
        assertThat(description(CITY + ".ics?lang=english")).isEqualTo(en);
    }

    private VEvent vevent(String path) {
        for (VEvent e : IcsChecks.parse(get(path).getResponseBody()).getEvents()) {
            if (e.getUid().getValue().startsWith(eventId + "@")) {
                return e;
            }
        }
        throw new AssertionError("event not in " + path);
    }

    private String atomSummary(String path) {
        String atom = new String(get(path).getResponseBody(), StandardCharsets.UTF_8);
        int entry = atom.indexOf(":event:" + eventId + "</id>");
        assertThat(entry).as("event in " + path).isPositive();
        int from = atom.indexOf("<summary>", entry) + "<summary>".length();
        return atom.substring(from, atom.indexOf("</summary>", from));
    }

    @Test
    void persianFeedsNameTheCityInPersianAndEnglishOnesAsEventsNameIt() {
        // The venue typed in Latin letters is isolated, so it never reorders the Persian around it.
        assertThat(vevent(CITY + ".ics?lang=fa").getLocation().getValue())
                .isEqualTo(FSI + "Rathaus" + PDI + ", " + BIELEFELD_FA + ", DE");
        assertThat(atomSummary(CITY + ".atom?lang=fa"))
                .contains("(" + FSI + "Europe/Berlin" + PDI + ")")
                .contains(" · " + BIELEFELD_FA + ", DE\n")
                .contains(FSI + "Ramp at the side" + PDI);

        // English: the name events give it, and no isolate anywhere (what the feeds always wrote).
        assertThat(vevent(CITY + ".ics").getLocation().getValue()).isEqualTo("Rathaus, Bielefeld, DE");
        assertThat(atomSummary(CITY + ".atom")).contains(" · Bielefeld, DE\n").doesNotContain(BIELEFELD_FA, FSI, PDI);
        assertThat(new String(get(CITY + ".ics").getResponseBody(), StandardCharsets.UTF_8))
                .doesNotContain(FSI, PDI, BIELEFELD_FA);
        assertThat(new String(get(CITY + ".atom").getResponseBody(), StandardCharsets.UTF_8))
                .doesNotContain(FSI, PDI, BIELEFELD_FA);
        assertThat(item(CITY + ".json").get("content_text").asString()).doesNotContain(BIELEFELD_FA);
    }

    @Test
    void aPersianFeedIsNamedInPersianWithItsCitysPersianName() {
        JsonNode fa = JsonMapper.builder()
                .build()
                .readTree(get(CITY + ".json?lang=fa").getResponseBody());
        assertThat(fa.get("title").asString()).isEqualTo("کنش‌ها در " + FSI + BIELEFELD_FA + PDI);
        assertThat(fa.get("description").asString()).contains(BIELEFELD_FA).contains("راهپیمایی‌ها");
        assertThat(new String(get(CITY + ".ics?lang=fa").getResponseBody(), StandardCharsets.UTF_8))
                .contains("X-WR-CALNAME:کنش‌ها در " + BIELEFELD_FA + "\r\n");
        assertThat(new String(get(CITY + ".atom?lang=fa").getResponseBody(), StandardCharsets.UTF_8))
                .contains("<title>کنش‌ها در " + BIELEFELD_FA + "</title>");

        // English is named as it always was.
        JsonNode en = JsonMapper.builder().build().readTree(get(CITY + ".json").getResponseBody());
        assertThat(en.get("title").asString()).isEqualTo("Actions in Bielefeld");
        assertThat(en.get("description").asString()).isEqualTo("Vigils, rallies and marches in Bielefeld (DE)");
    }

    @Test
    void oneEventsCalendarFileTakesTheLanguageWithItsOwnETag() {
        String path = "/events/" + eventId + ".ics";
        EntityExchangeResult<byte[]> en = get(path);
        EntityExchangeResult<byte[]> fa = get(path + "?lang=fa");
        String faText = new String(fa.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(faText).contains(BIELEFELD_FA).contains("سخنرانان");
        assertThat(new String(en.getResponseBody(), StandardCharsets.UTF_8))
                .contains("Speakers: Narges")
                .doesNotContain(BIELEFELD_FA, FSI);
        assertThat(IcsChecks.parse(fa.getResponseBody())
                        .getEvents()
                        .getFirst()
                        .getDescription()
                        .getValue())
                .contains("سخنرانان: " + FSI + "Narges" + PDI);
        String enTag = en.getResponseHeaders().getETag();
        String faTag = fa.getResponseHeaders().getETag();
        assertThat(faTag).isNotNull().isNotEqualTo(enTag);
        web.get()
                .uri(path + "?lang=fa")
                .header(HttpHeaders.IF_NONE_MATCH, faTag)
                .exchange()
                .expectStatus()
                .isNotModified();
        web.get()
                .uri(path + "?lang=fa")
                .header(HttpHeaders.IF_NONE_MATCH, enTag)
                .exchange()
                .expectStatus()
                .isOk();
        // Anything but a language it speaks is English, never an error.
        assertThat(get(path + "?lang=xx").getResponseHeaders().getETag()).isEqualTo(enTag);
    }

    @Test
    void theLanguagesHaveTheirOwnETagsAndNeverRevalidateEachOther() {
        for (String format : List.of("ics", "json", "atom")) {
            String path = CITY + "." + format;
            EntityExchangeResult<byte[]> en = get(path);
            EntityExchangeResult<byte[]> fa = get(path + "?lang=fa");
            String enTag = en.getResponseHeaders().getETag();
            String faTag = fa.getResponseHeaders().getETag();
            assertThat(faTag).as(format).isNotNull().isNotEqualTo(enTag);
            assertThat(new String(fa.getResponseBody(), StandardCharsets.UTF_8))
                    .as(format)
                    .isNotEqualTo(new String(en.getResponseBody(), StandardCharsets.UTF_8));

            // Each language revalidates itself…
            web.get()
                    .uri(path + "?lang=fa")
                    .header(HttpHeaders.IF_NONE_MATCH, faTag)
                    .exchange()
                    .expectStatus()
                    .isNotModified();
            web.get()
                    .uri(path)
                    .header(HttpHeaders.IF_NONE_MATCH, enTag)
                    .exchange()
                    .expectStatus()
                    .isNotModified();
            // …and never the other: a client holding English gets the Persian body, and the other way round.
            EntityExchangeResult<byte[]> crossed = web.get()
                    .uri(path + "?lang=fa")
                    .header(HttpHeaders.IF_NONE_MATCH, enTag)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult();
            assertThat(crossed.getResponseHeaders().getETag()).isEqualTo(faTag);
            assertThat(crossed.getResponseBody()).isEqualTo(fa.getResponseBody());
            web.get()
                    .uri(path)
                    .header(HttpHeaders.IF_NONE_MATCH, faTag)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, enTag);
        }
    }
}
