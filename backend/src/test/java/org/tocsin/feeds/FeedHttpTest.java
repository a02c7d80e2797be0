package org.tocsin.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.tocsin.ical.IcsChecks;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One organization with every kind of event, made once: the tests only read, except one rename. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedHttpTest extends IntegrationTest {

    private Api.Caller owner;
    private String org;
    private String seriesId;
    private String cancelledId;
    private String onlineId;
    private String hiddenId;
    private String privateId;
    private String unlistedId;

    private String create(Map<String, Object> body) {
        body.put("organization", org);
        return owner.createdId("/api/v1/events", body);
    }

    private static Map<String, Object> event(
            String title, String start, String end, String zone, String city, String country) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", start);
        body.put("end", end);
        body.put("timeZone", zone);
        body.put(
                "place",
                new HashMap<>(
                        Map.of("venue", "Square", "city", city, "countryCode", country, "lat", 35.7, "lon", 51.4)));
        return body;
    }

    @BeforeAll
    void anOrganizationWithEveryKindOfEvent() {
        owner = api().newUser("Organizer");
        org = owner.post("/api/v1/organizations", Map.of("name", "Feed group " + System.nanoTime()))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("slug")
                .asString();
        Map<String, Object> series = event(
                "Weekly vigil", "2027-02-25T18:00", "2027-02-25T19:00", "America/Los_Angeles", "Los Angeles", "US");
        series.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=6", "exdates", List.of("2027-03-11T18:00")));
        seriesId = create(series);
        owner.put(
                        "/api/v1/events/" + seriesId + "/occurrences/2027-03-18T18:00",
                        Map.of("start", "2027-03-19T17:00", "end", "2027-03-19T18:00"))
                .expectStatus()
                .isOk();
        owner.put("/api/v1/events/" + seriesId + "/occurrences/2027-03-25T18:00", Map.of("cancelled", true))
                .expectStatus()
                .isOk();

        Map<String, Object> persian = event(
                "تجمع در تهران، برای آزادی; با شمع",
                "2027-07-10T19:00",
                "2027-07-10T20:30",
                "Asia/Tehran",
                "Tehran",
                "IR");
        persian.put(
                "description",
                "شب‌زنده‌داری برای زندانیان سیاسی، ".repeat(12) + "\nSecond line, with; punctuation \\ ok");
        create(persian);

        cancelledId = create(event("Rally", "2027-06-20T18:00", "2027-06-20T19:00", "Europe/Berlin", "Berlin", "DE"));
        owner.post("/api/v1/events/" + cancelledId + "/cancel", Map.of("reason", "Banned by the police"))
                .expectStatus()
                .isOk();

        Map<String, Object> online =
                event("Online session", "2027-05-01T20:00", "2027-05-01T21:30", "Europe/Berlin", "Berlin", "DE");
        online.put("kind", "ONLINE_SESSION");
        online.remove("place");
        online.put("online", Map.of("url", "https://meet.example.org/tocsin", "platform", "Jitsi"));
        online.put("speakers", List.of(Map.of("name", "Narges", "affiliation", "Evin")));
        onlineId = create(online);

        Map<String, Object> hidden =
                event("Hidden vigil", "2027-05-02T18:00", "2027-05-02T19:00", "Europe/Berlin", "Berlin", "DE");
        hidden.put("locationVisibility", "ATTENDEES");
        ((Map<String, Object>) hidden.get("place")).put("venue", "Secret courtyard");
        hiddenId = create(hidden);

        Map<String, Object> secret =
                event("Members only", "2027-05-03T18:00", "2027-05-03T19:00", "Europe/Berlin", "Berlin", "DE");
        secret.put("visibility", "PRIVATE");
        privateId = create(secret);
        Map<String, Object> unlisted =
                event("Unlisted", "2027-05-04T18:00", "2027-05-04T19:00", "Europe/Berlin", "Berlin", "DE");
        unlisted.put("visibility", "UNLISTED");
        unlistedId = create(unlisted);
    }

    private byte[] feed(String path) {
        return web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar"))
                .expectBody()
                .returnResult()
                .getResponseBody();
    }

    @Test
    void theFeedReadsBackInAnIndependentParserWithTheSameEventsAndInstants() {
        byte[] body = feed("/feeds/organizations/" + org + ".ics");
        IcsChecks.wellFormed(body);
        ICalendar calendar = IcsChecks.parse(body);
        Map<String, List<VEvent>> byUid = calendar.getEvents().stream()
                .collect(Collectors.groupingBy(e -> e.getUid().getValue().split("@")[0]));
        assertThat(byUid.keySet())
                .contains(seriesId, cancelledId, onlineId, hiddenId)
                .doesNotContain(privateId, unlistedId)
                .hasSize(5);

        JsonNode api = owner.get("/api/v1/events?organization=" + org + "&from=2027-01-01&limit=200")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        for (JsonNode item : api.get("items")) {
            if (item.get("visibility").asString().equals("PUBLIC") && !item.has("recurrenceId")) {
                VEvent master = byUid.get(item.get("id").asString()).getFirst();
                assertThat(master.getDateStart().getValue().toInstant().toString())
                        .isEqualTo(item.get("startUtc").asString());
            }
        }

        // The series: biweekly's expansion, with the RECURRENCE-ID overrides applied, gives the API's occurrences.
        List<VEvent> series = byUid.get(seriesId);
        VEvent master = series.stream()
                .filter(e -> e.getRecurrenceId() == null)
                .findFirst()
                .orElseThrow();
        Map<Instant, VEvent> overrides = series.stream()
                .filter(e -> e.getRecurrenceId() != null)
                .collect(Collectors.toMap(e -> e.getRecurrenceId().getValue().toInstant(), e -> e));
        List<String> fromFeed = new ArrayList<>();
        for (Instant original : IcsChecks.expand(
                calendar, master, Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"))) {
            VEvent override = overrides.get(original);
            fromFeed.add((override == null
                            ? original
                            : override.getDateStart().getValue().toInstant()) + " "
                    + (override != null && override.getStatus().isCancelled() ? "CANCELLED" : "SCHEDULED"));
        }
        List<String> fromApi = new ArrayList<>();
        api.get("items").forEach(i -> {
            if (i.get("id").asString().equals(seriesId)) {
                fromApi.add(i.get("startUtc").asString() + " " + i.get("status").asString());
            }
        });
        assertThat(fromFeed)
                .containsExactlyElementsOf(fromApi)
                .hasSize(5)
                .contains("2027-03-20T00:00:00Z SCHEDULED", "2027-03-26T01:00:00Z CANCELLED");

        // iCal4j's own reading (the feed's VTIMEZONEs, not its zone data) gives the API's instants too.
        Map<String, List<net.fortuna.ical4j.model.component.VEvent>> ical4j =
                IcsChecks.ical4j(body).<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT").stream()
                        .collect(Collectors.groupingBy(e ->
                                e.getProperty("UID").orElseThrow().getValue().split("@")[0]));
        for (JsonNode item : api.get("items")) {
            if (item.get("visibility").asString().equals("PUBLIC") && !item.has("recurrenceId")) {
                var first = ical4j.get(item.get("id").asString()).getFirst();
                assertThat(IcsChecks.ical4jStart(first).toString())
                        .isEqualTo(item.get("startUtc").asString());
            }
        }
        var ical4jMaster = ical4j.get(seriesId).stream()
                .filter(e -> e.getRecurrenceId() == null)
                .findFirst()
                .orElseThrow();
        assertThat(IcsChecks.ical4jExpand(
                                ical4jMaster,
                                Instant.parse("2027-01-01T00:00:00Z"),
                                Instant.parse("2028-01-01T00:00:00Z"))
                        .stream()
                        .map(Instant::toString)
                        .toList())
                .containsExactlyElementsOf(IcsChecks.expand(
                                calendar,
                                master,
                                Instant.parse("2027-01-01T00:00:00Z"),
                                Instant.parse("2028-01-01T00:00:00Z"))
                        .stream()
                        .map(Instant::toString)
                        .toList());
    }

    @Test
    void cancelledOnlineAndHiddenEventsSayWhatTheyAre() {
        String text = new String(feed("/feeds/organizations/" + org + ".ics"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\r\n ", "");
        ICalendar calendar = IcsChecks.parse(feed("/feeds/organizations/" + org + ".ics"));
        VEvent cancelled = calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().startsWith(cancelledId))
                .findFirst()
                .orElseThrow();
        assertThat(cancelled.getSummary().getValue()).isEqualTo("Cancelled: Rally");
        assertThat(cancelled.getStatus().isCancelled()).isTrue();
        assertThat(cancelled.getSequence().getValue()).isEqualTo(1);
        assertThat(text)
                .contains("CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Jitsi:https://meet.example.org/tocsin")
                .contains("SUMMARY:تجمع در تهران، برای آزادی\\; با شمع")
                .contains("X-WR-CALNAME:Feed group")
                .contains("METHOD:PUBLISH", "REFRESH-INTERVAL;VALUE=DURATION:PT1H")
                .contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tehran", "TZID:America/Los_Angeles", "TZID:Europe/Berlin")
                .doesNotContain("Secret courtyard");
        VEvent hidden = calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().startsWith(hiddenId))
                .findFirst()
                .orElseThrow();
        assertThat(hidden.getLocation()).isNull();
        assertThat(hidden.getGeo()).isNull();
        // Tehran has kept +03:30 all year since 2022: its VTIMEZONE has no DAYLIGHT part.
        String tehran = text.substring(text.indexOf("TZID:Asia/Tehran"));
        assertThat(tehran.substring(0, tehran.indexOf("END:VTIMEZONE")))
                .doesNotContain("DAYLIGHT")
                .contains("TZOFFSETTO:+0330");
    }

    @Test
    void conditionalRequestsAre304UntilSomethingChanges() {
        String path = "/feeds/organizations/" + org + ".ics";
        var first = web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        String etag = first.getResponseHeaders().getETag();
        String lastModified = first.getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        web.get()
                .uri(path)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag)
                .expectBody()
                .isEmpty();
        web.get()
                .uri(path)
                .header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)
                .exchange()
                .expectStatus()
                .isNotModified();

        owner.patch("/api/v1/events/" + onlineId, Map.of("title", "Online session, renamed"))
                .expectStatus()
                .isOk();
        var changed = web.get()
                .uri(path)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        assertThat(changed.getResponseHeaders().getETag()).isNotEqualTo(etag);
        assertThat(new String(changed.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Online session\\, renamed");
    }

    @Test
    void aRevalidationIsAnsweredWithTheSameValidatorsAsTheFeedWhateverTheScope() {
        for (String path : List.of(
                "/feeds/organizations/" + org + ".ics",
                "/feeds/organizations/" + org + ".json",
                "/feeds/cities/us/los-angeles.atom",
                "/feeds/tags/vigil.ics")) {
            var full = web.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult();
            HttpHeaders headers = full.getResponseHeaders();
            web.get()
                    .uri(path)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"stale\", " + headers.getETag())
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, headers.getETag())
                    .expectHeader()
                    .valueEquals(HttpHeaders.LAST_MODIFIED, headers.getFirst(HttpHeaders.LAST_MODIFIED))
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, headers.getCacheControl())
                    .expectHeader()
                    .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                    .expectHeader()
                    .valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                    .expectBody()
                    .isEmpty();
            web.get()
                    .uri(path)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"stale\"")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, headers.getETag());
        }
        // An unknown calendar is a 404 problem whatever validator the client sends.
        expectProblem(
                web.get()
                        .uri("/feeds/organizations/no-such-group.ics")
                        .header(HttpHeaders.IF_NONE_MATCH, "*")
                        .exchange(),
                404,
                "/problems/not-found");
    }

    @Test
    void publicFeedsAreCacheableAndReadableFromAnyOrigin() {
        web.get()
                .uri("/feeds/organizations/" + org + ".ics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("public", "max-age=300"));
        web.head()
                .uri("/feeds/organizations/" + org + ".ics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists(HttpHeaders.ETAG)
                .expectBody()
                .isEmpty();
        expectProblem(web.get().uri("/feeds/organizations/no-such-group.ics").exchange(), 404, "/problems/not-found");
        expectProblem(web.get().uri("/feeds/organizations/" + org + ".pdf").exchange(), 404, "/problems/not-found");
        expectProblem(web.get().uri("/feeds/cities/de/atlantis.ics").exchange(), 404, "/problems/not-found");
    }

    @Test
    void feedsTravelGzippedToClientsThatAcceptItAndUnzipToTheSameCalendar(@LocalServerPort int port) throws Exception {
        String path = "/feeds/organizations/" + org + ".ics";
        byte[] plain = feed(path);
        // A plain HTTP client, as a calendar app is: the test client's own connector handles encodings itself.
        HttpResponse<byte[]> zipped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
        assertThat(zipped.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        // Calendar apps poll often: the compressed feed is a fraction of the plain one.
        assertThat(zipped.body().length).isLessThan(plain.length / 2);
        // A cache between them must not hand the gzip bytes to a client that did not ask for them.
        assertThat(zipped.headers().allValues(HttpHeaders.VARY)).contains(HttpHeaders.ACCEPT_ENCODING);
    }

    @Test
    void cityCampaignTagAndFilteredFeedsHoldTheRightEvents() {
        ICalendar city = IcsChecks.parse(feed("/feeds/cities/us/los-angeles.ics"));
        assertThat(city.getEvents())
                .extracting(e -> e.getUid().getValue().split("@")[0])
                .contains(seriesId)
                .doesNotContain(cancelledId);
        ICalendar filtered = IcsChecks.parse(feed("/feeds/events.ics?organization=" + org + "&kind=ONLINE_SESSION"));
        assertThat(filtered.getEvents())
                .extracting(e -> e.getUid().getValue().split("@")[0])
                .containsExactly(onlineId);
    }

    @Test
    void jsonFeedAndAtomCarryTheSameEvents() throws Exception {
        byte[] json = web.get()
                .uri("/feeds/organizations/" + org + ".json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/feed+json"))
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode feed = JsonMapper.builder().build().readTree(json);
        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        List<String> ids = new ArrayList<>();
        feed.get("items").forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids)
                .containsExactlyInAnyOrder(
                        seriesId,
                        cancelledId,
                        onlineId,
                        hiddenId,
                        ids.stream()
                                .filter(id -> !List.of(seriesId, cancelledId, onlineId, hiddenId)
                                        .contains(id))
                                .findFirst()
                                .orElseThrow());
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Secret courtyard");
        // Standard readers ignore _tocsin: when (in the event's zone) and where are in the text they show.
        Map<String, JsonNode> items = new HashMap<>();
        feed.get("items").forEach(i -> items.put(i.get("id").asString(), i));
        JsonNode online = items.get(onlineId);
        assertThat(online.get("summary").asString())
                .isEqualTo("Sat, 1 May 2027, 20:00–21:30 (Europe/Berlin) · online: https://meet.example.org/tocsin");
        assertThat(online.get("content_text").asString())
                .startsWith(
                        "When: Sat, 1 May 2027, 20:00–21:30 (Europe/Berlin)\nWhere: online: https://meet.example.org/tocsin");
        assertThat(online.get("content_html").asString())
                .startsWith("<p><strong>When:</strong> Sat, 1 May 2027, 20:00–21:30 (Europe/Berlin)<br>");
        assertThat(items.get(hiddenId).get("content_text").asString())
                .contains("Where: Berlin, DE")
                .doesNotContain("Square");
        assertThat(items.get(cancelledId).get("summary").asString())
                .startsWith("Cancelled: Sun, 20 Jun 2027, 18:00–19:00 (Europe/Berlin) · Square, Berlin, DE");
        assertThat(items.get(cancelledId).get("content_text").asString()).contains("Banned by the police");

        byte[] atom = web.get()
                .uri("/feeds/organizations/" + org + ".atom")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
                .expectBody()
                .returnResult()
                .getResponseBody();
        var document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(atom));
        assertThat(document.getElementsByTagName("entry").getLength()).isEqualTo(5);
    }

    @Test
    void oneEventDownloadsForAddToCalendarAndPrivateOnesStayHidden() {
        web.get()
                .uri("/events/" + onlineId + ".ics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        v -> assertThat(v).startsWith("attachment").contains(".ics"))
                .expectBody()
                .consumeWith(r -> IcsChecks.wellFormed(r.getResponseBody()));
        expectProblem(web.get().uri("/events/" + privateId + ".ics").exchange(), 404, "/problems/not-found");
        owner.get("/events/" + privateId + ".ics").expectStatus().isOk();
    }

    @Test
    void oneEventDownloadRevalidatesLikeTheFeedsAndItsValidatorsHideWhatTheCallerCannotRead() {
        String path = "/events/" + hiddenId + ".ics";
        var first = web.get()
                .uri(path)
                .header(HttpHeaders.ORIGIN, "https://partner.example")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("public"))
                .expectBody()
                .returnResult();
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        assertThat(first.getResponseHeaders().getLastModified()).isPositive();

        web.get()
                .uri(path)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag);

        // Someone RSVPs (attendee data) and the organizer reads the event with its exact place: what a
        // stranger gets, and so its validators, stay the same.
        api().anonymous()
                .post("/api/v1/events/" + hiddenId + "/rsvps", Map.of("name", "Quiet", "response", "GOING"))
                .expectStatus()
                .isCreated();
        var organizers = owner.get(path).expectStatus().isOk().expectBody().returnResult();
        assertThat(new String(organizers.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Secret courtyard");
        assertThat(organizers.getResponseHeaders().getETag()).isNotEqualTo(etag);
        web.get()
                .uri(path)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();

        // A change the stranger can see is a new validator.
        owner.patch("/api/v1/events/" + hiddenId, Map.of("title", "Hidden vigil, renamed"))
                .expectStatus()
                .isOk();
        web.get()
                .uri(path)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.ETAG, v -> assertThat(v).isNotEqualTo(etag));
    }
}
