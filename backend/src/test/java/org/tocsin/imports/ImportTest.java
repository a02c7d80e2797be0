package org.tocsin.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tocsin.outbound.LocalServer;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Importing partners' calendars, with files shaped like Google Calendar, Nextcloud, Outlook, Gancio and
 * Mobilizon exports served by a local server: what becomes of each VEVENT, a second sync that changes nothing,
 * changes, cancellations and removals followed, refusals listed with their reasons, and SSRF refusals.
 */
class ImportTest extends IntegrationTest {

    private LocalServer server;
    private final AtomicReference<String> feed = new AtomicReference<>();
    private final AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
    private final AtomicInteger notModified = new AtomicInteger();
    private OrganizationFixtures org;

    @BeforeEach
    void serve() throws IOException {
        server = new LocalServer().on("/cal.ics", x -> {
            String tag = etag.get();
            if (tag != null && tag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                x.sendResponseHeaders(304, -1);
                x.close();
                return;
            }
            if (tag != null) {
                x.getResponseHeaders().set("ETag", tag);
            }
            LocalServer.answer(x, 200, "text/calendar", feed.get().getBytes(StandardCharsets.UTF_8));
        });
        org = new OrganizationFixtures(api(), "Importers");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String fixture(String name) {
        try (InputStream in = ImportTest.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> source(String url, String city, String country, String zone) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("kind", "RALLY");
        body.put("city", city);
        body.put("countryCode", country);
        body.put("timeZone", zone);
        body.put("tags", List.of("partner"));
        return body;
    }

    private JsonNode add(Api.Caller caller, Map<String, Object> body) {
        return caller.post("/api/v1/organizations/" + org.organization + "/imports", body)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private JsonNode sync(String id) {
        return org.owner
                .post("/api/v1/organizations/" + org.organization + "/imports/" + id + "/sync", Map.of())
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** The organization's events by title, each read whole. */
    private Map<String, JsonNode> events() {
        JsonNode page = org.owner
                .get("/api/v1/events?organization=" + org.organization + "&from=2026-01-01T00:00:00Z&limit=100")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        Map<String, JsonNode> byTitle = new LinkedHashMap<>();
        for (JsonNode item : page.get("items")) {
            String id = item.get("id").asString();
            if (byTitle.values().stream().noneMatch(e -> e.get("id").asString().equals(id))) {
                JsonNode event = org.owner
                        .get("/api/v1/events/" + id)
                        .expectStatus()
                        .isOk()
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getResponseBody();
                byTitle.put(event.get("title").asString(), event);
            }
        }
        return byTitle;
    }

    private static List<String> refusedUids(JsonNode source) {
        List<String> uids = new ArrayList<>();
        source.get("status").get("refused").forEach(r -> uids.add(r.get("uid").asString()));
        return uids;
    }

    @Test
    void importsAGoogleCalendarAndFollowsItsChanges() {
        feed.set(fixture("google.ics"));
        JsonNode added = add(org.owner, source(server.url("/cal.ics"), "Berlin", "DE", "Europe/Berlin"));
        JsonNode status = added.get("status");
        assertThat(status.path("error").isNull() || status.path("error").isMissingNode())
                .isTrue();
        assertThat(status.get("created").asInt()).isEqualTo(3);
        assertThat(status.get("skipped").asInt()).isEqualTo(1); // the 2020 event
        assertThat(refusedUids(added)).containsExactly("too-long@google.com");
        assertThat(status.get("refused").get(0).get("reason").asString()).contains("14 days");

        Map<String, JsonNode> events = events();
        JsonNode vigil = events.get("Weekly vigil");
        assertThat(vigil.get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(vigil.get("start").asString()).startsWith("2027-01-05T18:00");
        assertThat(vigil.get("recurrence").get("rrule").asString()).isEqualTo("FREQ=WEEKLY;COUNT=6;BYDAY=TU");
        assertThat(vigil.get("recurrence").get("exdates").toString()).contains("2027-01-19T18:00");
        assertThat(vigil.get("overrides").toString())
                .contains("\"recurrenceId\":\"2027-01-12T18:00\"", "\"start\":\"2027-01-12T19:00\"")
                .contains("\"recurrenceId\":\"2027-01-26T18:00\",\"cancelled\":true");
        assertThat(vigil.get("description").asString()).isEqualTo("Weekly vigil, bring candles.");
        assertThat(vigil.get("tags").toString()).contains("partner");
        JsonNode march = events.get("March for the climate");
        assertThat(march.get("startUtc").asString()).isEqualTo("2027-02-06T13:00:00Z");
        assertThat(march.get("start").asString()).startsWith("2027-02-06T14:00");
        assertThat(march.get("place").get("venue").asString())
                .isEqualTo("Brandenburger Tor, Pariser Platz, 10117 Berlin");
        assertThat(march.get("description").asString()).isEqualTo("Line one\nLine two");
        JsonNode day = events.get("Day of action");
        assertThat(day.get("start").asString()).startsWith("2027-02-20T00:00");
        assertThat(day.get("end").asString()).startsWith("2027-02-21T00:00");

        // Again: the server answers 304 to the ETag it gave; nothing is written.
        String id = added.get("id").asString();
        JsonNode again = sync(id);
        assertThat(notModified).hasValue(1);
        assertThat(again.get("status").get("notModified").asBoolean()).isTrue();
        // A server without ETags sends the same file again: every UID is recognised, nothing changes.
        etag.set(null);
        JsonNode same = sync(id).get("status");
        assertThat(same.get("created").asInt()).isZero();
        assertThat(same.get("updated").asInt()).isZero();
        assertThat(same.get("unchanged").asInt()).isEqualTo(3);
        assertThat(events()).hasSize(3);
        assertThat(events().get("Weekly vigil").get("sequence")).isEqualTo(vigil.get("sequence"));

        // The partner renames the vigil, cancels the day of action and deletes the march.
        feed.set(fixture("google.ics")
                .replace("SUMMARY:Weekly vigil\r\nTRANSP", "SUMMARY:Weekly candle vigil\r\nTRANSP")
                .replace("UID:action-day@google.com\r\n", "UID:action-day@google.com\r\nSTATUS:CANCELLED\r\n")
                .replace("UID:march-2027@google.com", "UID:elsewhere@google.com")
                .replace("SUMMARY:March for the climate", "SUMMARY:Another march"));
        JsonNode changed = sync(id).get("status");
        assertThat(changed.get("updated").asInt()).isEqualTo(1);
        assertThat(changed.get("created").asInt()).isEqualTo(1);
        assertThat(changed.get("cancelled").asInt()).isEqualTo(2);
        Map<String, JsonNode> after = events();
        assertThat(after).containsKeys("Weekly candle vigil", "Another march");
        assertThat(after.get("Weekly candle vigil").get("id")).isEqualTo(vigil.get("id"));
        assertThat(after.get("Weekly candle vigil").get("overrides").toString()).contains("2027-01-26T18:00");
        assertThat(after.get("March for the climate").get("status").asString()).isEqualTo("CANCELLED");
        assertThat(after.get("March for the climate").get("statusReason").asString())
                .isEqualTo(ImportApplier.REMOVED);
        assertThat(after.get("Day of action").get("status").asString()).isEqualTo("CANCELLED");

        // The march comes back: its event is scheduled again rather than made anew.
        feed.set(fixture("google.ics"));
        JsonNode back = sync(id).get("status");
        assertThat(back.get("created").asInt()).isZero();
        assertThat(events().get("March for the climate").get("status").asString())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void readsNextcloudOutlookGancioAndMobilizonShapes() {
        feed.set(fixture("nextcloud.ics"));
        etag.set(null);
        Instant before = Instant.now();
        JsonNode nextcloud = add(org.owner, source(server.url("/cal.ics"), "Sydney", "AU", "Australia/Sydney"));
        assertThat(nextcloud.get("status").get("created").asInt()).isEqualTo(1);
        assertThat(nextcloud.get("status").get("skipped").asInt()).isEqualTo(1); // cancelled before it was ever seen
        // REFRESH-INTERVAL (4 hours) is longer than Tocsin's hour: the partner's wish wins.
        assertThat(Instant.parse(nextcloud.get("nextSyncAt").asString())).isAfter(before.plus(Duration.ofMinutes(235)));
        JsonNode sydney = events().get("Sydney assembly");
        assertThat(sydney.get("startUtc").asString()).isEqualTo("2027-01-15T07:00:00Z"); // AEDT, +11:00

        feed.set(fixture("outlook.ics"));
        JsonNode outlook = add(
                org.owner, source("webcal://127.0.0.1:" + server.port() + "/cal.ics", "Berlin", "DE", "Europe/Berlin"));
        assertThat(outlook.get("url").asString()).startsWith("https://");
        // webcal:// is https://, which the plain test server does not speak: the error says so, nothing is created.
        assertThat(outlook.get("status").get("error").asString()).contains("calendar's address");
        JsonNode outlookHttp = add(org.owner, source(server.url("/cal.ics"), "Berlin", "DE", "Europe/Berlin"));
        assertThat(outlookHttp.get("status").get("created").asInt()).isEqualTo(2);
        assertThat(refusedUids(outlookHttp)).containsExactly("unknown-zone-outlook");
        assertThat(outlookHttp.get("status").get("refused").get(0).get("reason").asString())
                .contains("Nowhere Standard Time");
        Map<String, JsonNode> events = events();
        JsonNode meeting = events.get("Outlook meeting");
        assertThat(meeting.get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(meeting.get("startUtc").asString()).isEqualTo("2027-02-10T17:30:00Z");
        assertThat(meeting.get("online").get("url").asString()).isEqualTo("https://teams.example.org/meet/123");
        // A zone known only by its VTIMEZONE (+03:30): the instant kept, shown in the source's zone.
        assertThat(events.get("Custom zone").get("startUtc").asString()).isEqualTo("2027-02-11T15:30:00Z");

        feed.set(fixture("gancio.ics"));
        add(org.owner, source(server.url("/cal.ics"), "Bologna", "IT", "Europe/Rome"));
        feed.set(fixture("mobilizon.ics"));
        add(org.owner, source(server.url("/cal.ics"), "Paris", "FR", "Europe/Paris"));
        events = events();
        JsonNode ride = events.get("Critical Mass");
        assertThat(ride.get("start").asString()).startsWith("2027-01-29T19:00");
        assertThat(ride.get("description").asString()).endsWith("https://gancio.example.org/event/critical-mass");
        JsonNode assembly = events.get("Assemblée générale");
        assertThat(assembly.get("startUtc").asString()).isEqualTo("2027-03-03T18:00:00Z");
        assertThat(assembly.get("place").get("city").asString()).isEqualTo("Paris");
        assertThat(assembly.get("descriptionHtml").asString()).doesNotContain("<script");
    }

    @Test
    void refusesUnsafeAddressesAndCallersBelowAdmin() {
        feed.set(fixture("gancio.ics"));
        // Loopback is allowed in tests only; private and metadata addresses never are.
        JsonNode internal = add(org.owner, source("http://10.0.0.1/cal.ics", "Berlin", "DE", "Europe/Berlin"));
        assertThat(internal.get("status").get("error").asString()).contains("public address");
        JsonNode metadata = add(org.owner, source("http://169.254.169.254/latest/", "Berlin", "DE", "Europe/Berlin"));
        assertThat(metadata.get("status").get("error").asString()).contains("public address");
        org.owner
                .post(
                        "/api/v1/organizations/" + org.organization + "/imports",
                        source("file:///etc/passwd", "Berlin", "DE", "Europe/Berlin"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("url");

        Api.Caller organizer = org.memberWithRole("ORGANIZER");
        organizer
                .post(
                        "/api/v1/organizations/" + org.organization + "/imports",
                        source(server.url("/cal.ics"), "Berlin", "DE", "Europe/Berlin"))
                .expectStatus()
                .isForbidden();
        organizer
                .get("/api/v1/organizations/" + org.organization + "/imports")
                .expectStatus()
                .isForbidden();
        // Another organization's admin sees none of these sources.
        OrganizationFixtures other = new OrganizationFixtures(api(), "Other");
        other.owner
                .get("/api/v1/organizations/" + org.organization + "/imports/"
                        + internal.get("id").asString())
                .expectStatus()
                .isForbidden();
        other.owner
                .get("/api/v1/organizations/" + other.organization + "/imports/"
                        + internal.get("id").asString())
                .expectStatus()
                .isNotFound();
    }

    @Test
    void importsAnUploadedFileIdempotently() {
        Map<String, Object> upload =
                Map.of("defaults", source(null, "Paris", "FR", "Europe/Paris"), "ics", fixture("mobilizon.ics"));
        JsonNode first = org.owner
                .post("/api/v1/organizations/" + org.organization + "/imports/upload", upload)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(first.get("status").get("created").asInt()).isEqualTo(1);
        JsonNode second = org.owner
                .post("/api/v1/organizations/" + org.organization + "/imports/upload", upload)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(second.get("status").get("created").asInt()).isZero();
        assertThat(second.get("status").get("unchanged").asInt()).isEqualTo(1);
        assertThat(events()).hasSize(1);
        org.owner
                .post(
                        "/api/v1/organizations/" + org.organization + "/imports/upload",
                        Map.of("defaults", source(null, "Paris", "FR", "Europe/Paris"), "ics", "not a calendar"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status.error")
                .value(e -> assertThat((String) e).contains("not a valid iCalendar"));
    }
}
