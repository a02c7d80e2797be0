package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OutboxFiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 #4: a location kept for attendees until a set time. Before it, every public output withholds
 * it as the ATTENDEES rule does; at it (the scheduled job run with the clock at that instant), the API,
 * the event page, discovery's search, and the organization's feeds in all three formats show it, with new
 * validators (an old ETag gets the new body, not a 304); and each person GOING is mailed the meeting
 * point once, in the language they answered in.
 */
class LocationRevealTest extends IntegrationTest {

    @Autowired
    EventTimers timers;

    @Value("${tocsin.data-dir}")
    Path dataDir;

    private static final String VENUE = "Courtyard Quokkaplatz";

    private Map<String, String> publicOutputs(EventFixtures org, String id) {
        List<String> paths = List.of(
                "/api/v1/events/" + id,
                "/events/" + id,
                "/events/" + id + ".ics",
                "/api/v1/events?q=quokkaplatz&from=2027-01-01",
                "/feeds/organizations/" + org.organization + ".ics",
                "/feeds/organizations/" + org.organization + ".atom",
                "/feeds/organizations/" + org.organization + ".json");
        Map<String, String> out = new LinkedHashMap<>();
        for (String path : paths) {
            EntityExchangeResult<byte[]> r =
                    web.get().uri(path).exchange().expectBody(byte[].class).returnResult();
            out.put(
                    path,
                    r.getStatus().value() + " " + r.getResponseHeaders().getETag() + " "
                            // When a calendar was rendered is the wall clock's, whatever it holds.
                            + new String(r.getResponseBody(), StandardCharsets.UTF_8)
                                    .replaceAll("DTSTAMP:\\S+", "")
                                    // A page's form token is fresh for every visitor.
                                    .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""));
        }
        return out;
    }

    private static String etag(String answer) {
        return answer.split(" ", 3)[1];
    }

    @Test
    void theMeetingPointIsHiddenUntilItsRevealTimeThenPublicEverywhereAndMailedToThoseGoing() {
        EventFixtures org = new EventFixtures(api());
        Map<String, Object> body = org.vigil("2027-05-06T18:00", "2027-05-06T20:00");
        @SuppressWarnings("unchecked")
        Map<String, Object> place = new HashMap<>((Map<String, Object>) body.get("place"));
        place.put("venue", VENUE);
        body.put("place", place);
        body.put("title", "Vigil with a late meeting point");
        body.put("locationVisibility", "ATTENDEES");
        body.put("locationRevealBefore", "PT2H");
        JsonNode created = org.create(body);
        String id = created.get("id").asString();
        // 18:00 in Berlin (summer time) is 16:00 UTC; two hours before.
        Instant revealAt = Instant.parse("2027-05-06T14:00:00Z");
        assertThat(created.get("locationRevealAt").asString()).isEqualTo(revealAt.toString());

        String en = "reveal-en-" + System.nanoTime() + "@example.org";
        String fa = "reveal-fa-" + System.nanoTime() + "@example.org";
        String maybe = "reveal-maybe-" + System.nanoTime() + "@example.org";
        for (Map<String, Object> rsvp : List.of(
                Map.<String, Object>of("name", "Ann", "email", en, "response", "GOING", "lang", "en"),
                Map.<String, Object>of("name", "Babak", "email", fa, "response", "GOING", "lang", "fa"),
                Map.<String, Object>of("name", "Cy", "email", maybe, "response", "MAYBE", "lang", "en"))) {
            api().anonymous()
                    .post("/api/v1/events/" + id + "/rsvps", rsvp)
                    .expectStatus()
                    .isCreated();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> OutboxFiles.to(dataDir, fa).size() == 1);

        Map<String, String> before = publicOutputs(org, id);
        before.forEach((path, answer) -> assertThat(answer).as(path).doesNotContain("Quokkaplatz"));
        assertThat(before.get("/api/v1/events/" + id)).contains("\"locationRevealAt\":\"" + revealAt + "\"");

        // A second early: nothing changes.
        assertThat(timers.run(revealAt.minusSeconds(1)).block(Duration.ofSeconds(30)))
                .isZero();
        assertThat(publicOutputs(org, id)).isEqualTo(before);

        // At the reveal time: public everywhere, with new validators.
        assertThat(timers.run(revealAt).block(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(1);
        Map<String, String> after = publicOutputs(org, id);
        after.forEach((path, answer) -> {
            // An Atom entry's summary names the city alone, whatever the location's visibility.
            if (!path.endsWith(".atom")) {
                assertThat(answer).as(path).contains("Quokkaplatz");
            }
        });
        for (String feed : List.of(".ics", ".atom", ".json")) {
            String path = "/feeds/organizations/" + org.organization + feed;
            assertThat(etag(after.get(path))).as(path).isNotEqualTo(etag(before.get(path)));
            // A calendar app revalidating with the old ETag gets the new feed, not a 304.
            web.get()
                    .uri(path)
                    .header("If-None-Match", etag(before.get(path)))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        JsonNode view = api().anonymous()
                .get("/api/v1/events/" + id)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(view.get("locationHidden").asBoolean()).isFalse();
        assertThat(view.get("locationVisibility").asString()).isEqualTo("PUBLIC");
        assertThat(view.get("sequence").asInt())
                .isGreaterThan(created.get("sequence").asInt());

        // Each person going hears of the meeting point once, in their language; a maybe does not.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> OutboxFiles.to(dataDir, fa).size() == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> OutboxFiles.to(dataDir, en).size() == 2);
        OutboxFiles.Mail english = OutboxFiles.to(dataDir, en).stream()
                .filter(m -> m.subject().startsWith("Meeting point"))
                .findFirst()
                .orElseThrow();
        assertThat(english.text()).contains("The meeting point is now: " + VENUE + ", Pariser Platz, Berlin");
        OutboxFiles.Mail persian = OutboxFiles.to(dataDir, fa).stream()
                .filter(m -> m.subject().startsWith("محل دیدار"))
                .findFirst()
                .orElseThrow();
        // The city by the gazetteer's Persian name, the typed venue and address isolated.
        assertThat(persian.text())
                .contains("محل دیدار: \u2068" + VENUE + "\u2069، \u2068Pariser Platz\u2069، برلین")
                .doesNotContain(", Berlin");
        // Later runs (another replica, the next tick) reveal nothing again and mail nobody again.
        timers.run(revealAt.plusSeconds(30)).block(Duration.ofSeconds(30));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> OutboxFiles.to(dataDir, en).size() == 2
                        && OutboxFiles.to(dataDir, fa).size() == 2
                        && OutboxFiles.to(dataDir, maybe).size() == 1);
    }

    @Test
    void aRevealIsOnlyForALocationKeptForAttendeesAndAPastOneIsPublicAtOnce() {
        EventFixtures org = new EventFixtures(api());
        Map<String, Object> body = org.vigil("2027-05-06T18:00", "2027-05-06T20:00");
        body.put("locationRevealBefore", "PT2H");
        org.owner.post("/api/v1/events", body).expectStatus().isBadRequest();
        body.put("locationVisibility", "ATTENDEES");
        body.put("locationRevealAt", "2027-05-06T12:00:00Z");
        org.owner.post("/api/v1/events", body).expectStatus().isBadRequest();
        body.remove("locationRevealAt");
        body.put("locationRevealBefore", "-PT2H");
        org.owner.post("/api/v1/events", body).expectStatus().isBadRequest();
        body.remove("locationRevealBefore");
        body.put("locationRevealAt", "2020-01-01T00:00:00Z");
        JsonNode created = org.create(body);
        assertThat(created.get("locationVisibility").asString()).isEqualTo("PUBLIC");
        assertThat(created.get("locationHidden").asBoolean()).isFalse();
    }
}
