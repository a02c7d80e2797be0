package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tocsin.rsvps.RsvpFixtures.rsvp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OutboxFiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 #5: organizers' notes for attendees. Written by those who manage the event (sanitised like a
 * description, length-limited); read by them and by people GOING (a guest through the manage link, a
 * signed-in person through the API and their own calendar), sent in the confirmation mail; absent from
 * every public output and refused alike (404) to strangers, members of other roles who do not manage,
 * MAYBE and waitlisted people.
 */
class PrivateNotesTest extends IntegrationTest {

    @Value("${tocsin.data-dir}")
    Path dataDir;

    private static final String SECRET = "Meet at the blue door, say pomegranate";

    private static JsonNode json(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        return spec.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String text(String path) {
        byte[] body = web.get()
                .uri(path)
                .exchange()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void notesReachOnlyOrganizersAndPeopleGoing() {
        RsvpFixtures org = new RsvpFixtures(api());
        Map<String, Object> body = org.vigil(1);
        body.put("locationVisibility", "PUBLIC");
        String id = org.create(body);
        Api.Caller member = org.memberWithRole("MEMBER");
        Api.Caller organizer = org.memberWithRole("ORGANIZER");

        // Written by those who manage the event; sanitised; length-limited.
        member.put("/api/v1/events/" + id + "/notes", Map.of("text", "x"))
                .expectStatus()
                .isForbidden();
        organizer
                .put("/api/v1/events/" + id + "/notes", Map.of("text", "a".repeat(5_001)))
                .expectStatus()
                .isBadRequest();
        JsonNode written = json(organizer
                .put(
                        "/api/v1/events/" + id + "/notes",
                        Map.of("text", SECRET + "\n\n<script>alert(1)</script>\n\n**bring water**"))
                .expectStatus()
                .isOk());
        assertThat(written.get("html").asString())
                .contains("<strong>bring water</strong>")
                .doesNotContain("<script");
        assertThat(json(org.owner
                                .get("/api/v1/events/" + id + "/notes")
                                .expectStatus()
                                .isOk())
                        .get("text")
                        .asString())
                .startsWith(SECRET);

        // A guest going: in the manage view and the confirmation mail.
        String email = "going-" + System.nanoTime() + "@example.org";
        Map<String, Object> going = new HashMap<>(rsvp("Guest", "GOING", 0));
        going.put("email", email);
        JsonNode answer = json(api().anonymous()
                .post("/api/v1/events/" + id + "/rsvps", going)
                .expectStatus()
                .isCreated());
        String token = answer.get("manageToken").asString();
        assertThat(json(api().anonymous()
                                .get("/api/v1/rsvps/" + token)
                                .expectStatus()
                                .isOk())
                        .toString())
                .contains(SECRET);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !OutboxFiles.to(dataDir, email).isEmpty());
        assertThat(OutboxFiles.to(dataDir, email).getFirst().text())
                .contains("for attendees only")
                .contains(SECRET);

        // The event is now full: the next guest waits, and a maybe is a maybe. Neither reads the notes.
        String waitEmail = "waiting-" + System.nanoTime() + "@example.org";
        Map<String, Object> waiting = new HashMap<>(rsvp("Waiter", "GOING", 0));
        waiting.put("email", waitEmail);
        JsonNode waitlisted = json(api().anonymous()
                .post("/api/v1/events/" + id + "/rsvps", waiting)
                .expectStatus()
                .isCreated());
        assertThat(waitlisted.get("state").asString()).isEqualTo("WAITLISTED");
        assertThat(json(api().anonymous()
                                .get("/api/v1/rsvps/"
                                        + waitlisted.get("manageToken").asString())
                                .expectStatus()
                                .isOk())
                        .toString())
                .doesNotContain(SECRET)
                .doesNotContain("privateNotes");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !OutboxFiles.to(dataDir, waitEmail).isEmpty());
        assertThat(OutboxFiles.to(dataDir, waitEmail).getFirst().text()).doesNotContain(SECRET);
        Api.Caller maybe = api().newUser("Maybe");
        maybe.post("/api/v1/events/" + id + "/rsvps", rsvp("Maybe", "MAYBE", 0))
                .expectStatus()
                .isCreated();

        // Everyone else gets what an unknown event gets: anonymous callers a 401 (the route needs an account),
        // signed-in ones a 404.
        api().anonymous().get("/api/v1/events/" + id + "/notes").expectStatus().isUnauthorized();
        String unknown = api().newUser("Prober")
                .get("/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA/notes")
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        for (Api.Caller outsider : List.of(api().newUser("Stranger"), member, maybe)) {
            assertThat(outsider.get("/api/v1/events/" + id + "/notes")
                            .expectStatus()
                            .isNotFound()
                            .expectBody(String.class)
                            .returnResult()
                            .getResponseBody())
                    .isEqualTo(unknown.replace("AAAAAAAAAAAAAAAAAAAAAA", id));
        }
        // No public output carries them.
        for (String path : List.of(
                "/api/v1/events/" + id,
                "/events/" + id,
                "/events/" + id + ".ics",
                "/api/v1/events?organization=" + org.organization + "&from=2027-01-01",
                "/api/v1/events?q=pomegranate&from=2027-01-01",
                "/feeds/organizations/" + org.organization + ".ics",
                "/feeds/organizations/" + org.organization + ".atom",
                "/feeds/organizations/" + org.organization + ".json")) {
            assertThat(text(path)).as(path).doesNotContain("pomegranate").doesNotContain("privateNotes");
        }
        assertThat(json(org.owner.get("/api/v1/events/" + id).expectStatus().isOk())
                        .toString())
                .as("not in the event's JSON, even an organizer's")
                .doesNotContain("pomegranate");
    }

    @Test
    void aSignedInPersonGoingReadsTheNotesAndHasThemInTheirOwnCalendar() {
        RsvpFixtures org = new RsvpFixtures(api());
        String id = org.event(null);
        org.owner
                .put("/api/v1/events/" + id + "/notes", Map.of("text", SECRET))
                .expectStatus()
                .isOk();
        Api.Caller person = api().newUser("Attendee");
        person.post("/api/v1/events/" + id + "/rsvps", rsvp("Attendee", "GOING", 0))
                .expectStatus()
                .isCreated();
        assertThat(json(person.get("/api/v1/events/" + id + "/notes")
                                .expectStatus()
                                .isOk())
                        .get("text")
                        .asString())
                .isEqualTo(SECRET);
        String url = json(person.post("/api/v1/me/calendar-feed", Map.of())
                        .expectStatus()
                        .isCreated())
                .get("url")
                .asString();
        String feed = text(url.substring(url.indexOf("/feeds/")));
        assertThat(feed.replace("\r\n ", "").replace("\\,", ",")).contains("For attendees only: " + SECRET);
        // The public feed of the same event, rendered after the personal one, does not get that copy.
        assertThat(text("/feeds/organizations/" + org.organization + ".ics")).doesNotContain("pomegranate");
        assertThat(text("/events/" + id + ".ics")).doesNotContain("pomegranate");

        // Changing their answer to MAYBE ends it.
        person.post("/api/v1/events/" + id + "/rsvps", rsvp("Attendee", "MAYBE", 0))
                .expectStatus()
                .is2xxSuccessful();
        person.get("/api/v1/events/" + id + "/notes").expectStatus().isNotFound();
        assertThat(text(url.substring(url.indexOf("/feeds/"))).replace("\r\n ", ""))
                .doesNotContain("pomegranate");
    }

    /** Status, ETag and body of a GET, conditional on {@code etag} when it is not null. */
    private record Fetched(int status, String etag, String body) {}

    private Fetched fetch(String path, String etag) {
        var spec = web.get().uri(path);
        if (etag != null) {
            spec = spec.header(org.springframework.http.HttpHeaders.IF_NONE_MATCH, etag);
        }
        var result = spec.exchange().expectBody(byte[].class).returnResult();
        byte[] body = result.getResponseBody();
        return new Fetched(
                result.getStatus().value(),
                result.getResponseHeaders().getETag(),
                body == null ? "" : new String(body, StandardCharsets.UTF_8).replace("\r\n ", ""));
    }

    @Test
    void editingOnlyTheNotesChangesThePersonalFeedsEtagButNoPublicOne() {
        RsvpFixtures org = new RsvpFixtures(api());
        String id = org.event(null);
        org.owner
                .put("/api/v1/events/" + id + "/notes", Map.of("text", "Bring water"))
                .expectStatus()
                .isOk();
        Api.Caller person = api().newUser("Attendee");
        person.post("/api/v1/events/" + id + "/rsvps", rsvp("Attendee", "GOING", 0))
                .expectStatus()
                .isCreated();
        String url = json(person.post("/api/v1/me/calendar-feed", Map.of())
                        .expectStatus()
                        .isCreated())
                .get("url")
                .asString();
        String personal = url.substring(url.indexOf("/feeds/"));
        String publicFeed = "/feeds/organizations/" + org.organization + ".ics";
        Fetched before = fetch(personal, null);
        Fetched publicBefore = fetch(publicFeed, null);
        assertThat(before.body()).contains("Bring water");
        assertThat(fetch(personal, before.etag()).status()).isEqualTo(304);

        org.owner
                .put("/api/v1/events/" + id + "/notes", Map.of("text", "Bring umbrellas"))
                .expectStatus()
                .isOk();

        Fetched after = fetch(personal, before.etag());
        assertThat(after.status())
                .as("the calendar app holding the old feed gets the new notes")
                .isEqualTo(200);
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(after.body()).contains("Bring umbrellas").doesNotContain("Bring water");
        // Removing them is a change too.
        org.owner
                .put("/api/v1/events/" + id + "/notes", Map.of("text", ""))
                .expectStatus()
                .isOk();
        Fetched removed = fetch(personal, after.etag());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).doesNotContain("umbrellas");
        // Strangers' validators say nothing of notes.
        assertThat(fetch(publicFeed, publicBefore.etag()).status()).isEqualTo(304);
    }
}
