package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import org.tocsin.support.Api;
import org.tocsin.support.TestStorage;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * What people who RSVP with an email receive, read from a real SMTP server (GreenMail) as a mail
 * client would: the confirmation with its invitation and manage link, the promotion from the
 * waitlist, a change of time (iTIP REQUEST), a cancellation (iTIP CANCEL) and the reminder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class RsvpMailTest {

    private static final int PORT = TestStorage.freePort();
    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-rsvp-mail-test-");
    private static GreenMail smtp;

    @Autowired
    WebTestClient web;

    @Autowired
    RsvpStore store;

    @Autowired
    RsvpReminders reminders;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.register(registry, DATA_DIR, "tocsin-rsvp-mail-test");
        registry.add("tocsin.rate-limits.enabled", () -> "false");
        // Its organizers are about RSVPs, not sign-up (verification has its own test, accounts.EmailVerificationTest).
        registry.add("tocsin.accounts.require-verified-email", () -> "false");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("tocsin.mail.from", () -> "Tocsin Test <no-reply@tocsin.test>");
        registry.add("tocsin.mail.poll-interval", () -> "PT0.5S");
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void goingWaitlistedPromotedChangedAndCancelledEachGetTheirMail() throws Exception {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        String event = f.event(1);
        String first = address("first");
        String second = address("second");
        JsonNode going = f.answer(event, Map.of("name", "First", "email", first, "response", "GOING"));
        f.answer(event, Map.of("name", "Quiet", "response", "MAYBE"));
        JsonNode waiting = f.answer(event, Map.of("name", "Second", "email", second, "response", "GOING"));
        assertThat(waiting.get("state").asString()).isEqualTo("WAITLISTED");

        Mail confirmation = awaitMail(first, "You're going: Vigil for the prisoners");
        assertThat(confirmation.text())
                .contains("/rsvp/" + going.get("manageToken").asString());
        assertThat(confirmation.icsType()).containsIgnoringCase("method=REQUEST");
        assertThat(confirmation.ics()).contains("METHOD:REQUEST").contains("Secret courtyard");
        Mail queued = awaitMail(second, "You're on the waitlist: Vigil for the prisoners");
        assertThat(queued.ics()).contains("METHOD:PUBLISH").doesNotContain("Secret courtyard");
        assertThat(queued.text()).contains("/rsvp/" + waiting.get("manageToken").asString());

        Api.of(web)
                .anonymous()
                .delete("/api/v1/rsvps/" + going.get("manageToken").asString())
                .expectStatus()
                .isNoContent();
        Mail promoted = awaitMail(second, "A place opened up, you're going: Vigil for the prisoners");
        assertThat(promoted.ics()).contains("METHOD:REQUEST").contains("Secret courtyard");
        assertThat(promoted.text()).doesNotContain("tcm_");

        f.owner
                .patch("/api/v1/events/" + event, Map.of("start", "2027-05-06T19:00", "end", "2027-05-06T20:00"))
                .expectStatus()
                .isOk();
        Mail changed = awaitMail(second, "Changed: Vigil for the prisoners");
        assertThat(changed.ics())
                .contains("METHOD:REQUEST")
                .contains("SEQUENCE:1")
                .contains("T190000");
        assertThat(changed.text()).contains("7:00");
        // The RSVP follows the event to its new time (reminders and retention go by it).
        assertThat(store.byId(waiting.get("id").asString())
                        .block(Duration.ofSeconds(10))
                        .occurrenceStartUtc())
                .isEqualTo(Instant.parse("2027-05-06T17:00:00Z"));

        f.owner
                .post("/api/v1/events/" + event + "/cancel", Map.of("reason", "Police ban"))
                .expectStatus()
                .isOk();
        Mail cancelled = awaitMail(second, "Cancelled: Vigil for the prisoners");
        assertThat(cancelled.icsType()).containsIgnoringCase("method=CANCEL");
        assertThat(cancelled.ics()).contains("METHOD:CANCEL").contains("STATUS:CANCELLED");
        assertThat(cancelled.text()).contains("Police ban");
        // The one who withdrew hears nothing more.
        assertThat(mailsTo(first)).hasSize(1);
    }

    @Test
    void theOnlineLinkIsInTheMailAndInTheInvitationTextForThoseWhoMayHaveIt() throws Exception {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        Map<String, Object> body = f.vigil(1);
        body.remove("place");
        body.put("kind", "ONLINE_SESSION");
        body.put("title", "Online vigil");
        body.put("online", Map.of("url", "https://meet.example.org/vigil-link", "platform", "Jitsi"));
        String event = f.create(body);
        String going = address("online-going");
        String waiting = address("online-waiting");
        f.answer(event, Map.of("name", "First", "email", going, "response", "GOING"));
        f.answer(event, Map.of("name", "Second", "email", waiting, "response", "GOING"));

        Mail confirmation = awaitMail(going, "You're going: Online vigil");
        assertThat(confirmation.text()).contains("Online: https://meet.example.org/vigil-link");
        // Calendar apps that ignore CONFERENCE still show the link: in the description and, online only, LOCATION.
        String unfolded = confirmation.ics().replace("\r\n ", "");
        assertThat(unfolded)
                .contains("LOCATION:https://meet.example.org/vigil-link")
                .contains("Online (Jitsi): https://meet.example.org/vigil-link");
        // Attendees only: the waitlisted person's mail and invitation carry no link.
        Mail queued = awaitMail(waiting, "You're on the waitlist: Online vigil");
        assertThat(queued.text() + queued.ics()).doesNotContain("vigil-link");
    }

    @Test
    void aGuestsRsvpToAnEmailConfirmedEventCountsOnlyOnceConfirmedFromTheMail() throws Exception {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        Map<String, Object> body = f.vigil(10);
        body.put("rsvpMode", "EMAIL_CONFIRMED");
        String event = f.create(body);
        Api.Caller guest = Api.of(web).anonymous();
        String uri = "/api/v1/events/" + event + "/rsvps";
        org.tocsin.support.Problems.expectProblem(
                        guest.post(uri, RsvpFixtures.rsvp("No mail", "GOING", 0)), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("email");

        String to = address("confirm");
        JsonNode answer = guest.post(uri, Map.of("name", "Conf", "email", to, "response", "GOING", "guests", 1))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(answer.get("state").asString()).isEqualTo("UNCONFIRMED");
        assertThat(answer.hasNonNull("manageToken"))
                .as("the token goes to the mailbox only")
                .isFalse();
        assertThat(f.attendance(event).get("going").asInt()).isZero();

        Mail request = awaitMail(to, "Please confirm your RSVP: Vigil for the prisoners");
        java.util.regex.Matcher link =
                java.util.regex.Pattern.compile("/rsvp/(tcm_[A-Za-z0-9_-]+)").matcher(request.text());
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        guest.post("/api/v1/rsvps/" + token + "/confirm", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("GOING");
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(2);
        awaitMail(to, "You're going: Vigil for the prisoners");
        // Confirming twice changes nothing.
        guest.post("/api/v1/rsvps/" + token + "/confirm", Map.of())
                .expectStatus()
                .isOk();
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(2);

        // Signed-in people need no confirmation.
        Api.Caller member = Api.of(web).newUser("Member");
        member.post(uri, RsvpFixtures.rsvp("Signed in", "GOING", 0))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("GOING");
    }

    @Test
    void theDayBeforeThoseGoingGetOneReminder() throws Exception {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDateTime start = LocalDateTime.ofInstant(Instant.now().plus(Duration.ofHours(20)), berlin)
                .truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> soon = f.vigil(null);
        soon.put("start", start.toString());
        soon.put("end", start.plusHours(1).toString());
        String event = f.create(soon);
        String to = address("reminded");
        JsonNode answer = f.answer(event, Map.of("name", "Rem", "email", to, "response", "GOING"));
        awaitMail(to, "You're going: Vigil for the prisoners");
        // As if the RSVP had been made three days ago (a fresh one needs no reminder on top of its confirmation).
        RsvpDocument r = store.byId(answer.get("id").asString()).block(Duration.ofSeconds(10));
        RsvpDocument old = new RsvpDocument(
                r.id(),
                r.eventId(),
                r.occurrenceKey(),
                r.occurrenceStartUtc(),
                r.occurrenceEndUtc(),
                r.ownerKey(),
                r.userId(),
                r.name(),
                r.email(),
                r.response(),
                r.guests(),
                r.state(),
                r.approved(),
                r.places(),
                r.queuedAt(),
                r.manageTokenHash(),
                null,
                Instant.now().minus(Duration.ofDays(3)),
                r.updatedAt(),
                r.version(),
                r.lang());
        store.save(old).block(Duration.ofSeconds(10));

        StepVerifier.create(reminders.remind())
                .assertNext(n -> assertThat(n).isGreaterThanOrEqualTo(1))
                .verifyComplete();
        Mail reminder = awaitMail(to, "Tomorrow: Vigil for the prisoners");
        assertThat(reminder.ics()).contains("Secret courtyard");
        StepVerifier.create(reminders.remind())
                .assertNext(n -> assertThat(n).isZero())
                .verifyComplete();
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                mailsTo(to).stream().filter(m -> m.subject().startsWith("Tomorrow")))
                        .hasSize(1));
    }

    @Test
    void aDeletedEventsAttendeesGetACancellationWithTheFeedsUid() throws Exception {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        String event = f.event(null);
        String to = address("deleted");
        f.answer(event, Map.of("name", "Del", "email", to, "response", "GOING"));
        awaitMail(to, "You're going: Vigil for the prisoners");
        String feed = Api.of(web)
                .anonymous()
                .get("/events/" + event + ".ics")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String uid = line(feed, "UID:");

        f.owner.delete("/api/v1/events/" + event).expectStatus().isNoContent();
        Mail cancelled = awaitMail(to, "Cancelled: Vigil for the prisoners");
        assertThat(cancelled.icsType()).containsIgnoringCase("method=CANCEL");
        assertThat(cancelled.ics())
                .contains("METHOD:CANCEL")
                .contains("STATUS:CANCELLED")
                .contains("SEQUENCE:1")
                .doesNotContain("Secret courtyard");
        assertThat(line(cancelled.ics(), "UID:")).isEqualTo(uid);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                store.ofEvent(event, null).collectList().block(Duration.ofSeconds(10)))
                        .isEmpty());
    }

    @Test
    void movingOneDateOfASeriesTellsOnlyThoseGoingToThatDate() throws Exception {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        Map<String, Object> body = f.vigil(null);
        body.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=4"));
        String event = f.create(body);
        String first = address("week1");
        String second = address("week2");
        f.answer(
                event,
                Map.of("name", "Week one", "email", first, "response", "GOING", "occurrence", "2027-05-06T18:00"));
        f.answer(
                event,
                Map.of("name", "Week two", "email", second, "response", "GOING", "occurrence", "2027-05-13T18:00"));
        Mail weekOne = awaitMail(first, "You're going: Vigil for the prisoners");
        awaitMail(second, "You're going: Vigil for the prisoners");
        // The invitation is that one date (the series' UID, its RECURRENCE-ID), not the whole series.
        assertThat(vevents(weekOne.ics()))
                .contains("RECURRENCE-ID;TZID=Europe/Berlin:20270506T180000")
                .contains("DTSTART;TZID=Europe/Berlin:20270506T180000")
                .doesNotContain("RRULE");
        assertThat(weekOne.ics().split("BEGIN:VEVENT", -1)).hasSize(2);

        f.owner
                .put(
                        "/api/v1/events/" + event + "/occurrences/2027-05-13T18:00",
                        Map.of("start", "2027-05-13T19:30", "end", "2027-05-13T20:30"))
                .expectStatus()
                .isOk();
        Mail changed = awaitMail(second, "Changed: Vigil for the prisoners");
        assertThat(changed.ics()).contains("METHOD:REQUEST");
        assertThat(vevents(changed.ics()))
                .contains("RECURRENCE-ID;TZID=Europe/Berlin:20270513T180000")
                .contains("DTSTART;TZID=Europe/Berlin:20270513T193000")
                .doesNotContain("RRULE");
        assertThat(changed.text()).contains("7:30");
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(mailsTo(first).stream().map(Mail::subject))
                        .containsExactly("You're going: Vigil for the prisoners"));

        // A change to the whole series still reaches everyone going to a date of it.
        f.owner
                .post("/api/v1/events/" + event + "/cancel", Map.of())
                .expectStatus()
                .isOk();
        awaitMail(first, "Cancelled: Vigil for the prisoners");
        awaitMail(second, "Cancelled: Vigil for the prisoners");
    }

    /** The VEVENTs of an iCalendar object, without its VTIMEZONEs (which have RRULEs of their own). */
    private static String vevents(String ics) {
        return ics.substring(ics.indexOf("BEGIN:VEVENT"));
    }

    private static String line(String ics, String prefix) {
        return ics.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Someone who RSVPs in Persian gets Persian mail: Solar Hijri and Gregorian dates in the event's zone. */
    @Test
    void aPersianRsvpGetsItsMailInPersianWithSolarHijriDates() {
        RsvpFixtures f = new RsvpFixtures(Api.of(web));
        String event = f.event(null);
        String to = address("persian");
        String csrf = web.get()
                .uri("/api/v1/auth/csrf")
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .asString();
        JsonNode answer = web.post()
                .uri("/api/v1/events/" + event + "/rsvps")
                .header("Accept-Language", "fa-IR,fa;q=0.9")
                .header("X-XSRF-TOKEN", csrf)
                .cookie("XSRF-TOKEN", csrf)
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("name", "Arash", "email", to, "response", "GOING", "guests", "۲"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        // The title and the name are Latin: isolated, they keep their order inside the Persian text.
        Mail mail = awaitMail(to, "شما می‌آیید: \u2068Vigil for the prisoners\u2069");
        assertThat(mail.text())
                .contains("سلام \u2068Arash\u2069،")
                .contains("زمان: پنجشنبه ۱۶ اردیبهشت ۱۴۰۶، ۱۸:۰۰ – ۱۹:۰۰ (\u2068Europe/Berlin\u2069)")
                .contains("به میلادی: ۶ مهٔ ۲۰۲۷")
                .contains("همراهان: ۲")
                .contains("/rsvp/" + answer.get("manageToken").asString());
        assertThat(mail.ics()).contains("METHOD:REQUEST");
    }

    record Mail(String subject, String text, String icsType, String ics) {}

    private static Mail awaitMail(String to, String subject) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mailsTo(to))
                        .extracting(Mail::subject)
                        .as("mails to " + to)
                        .contains(subject));
        try {
            return mailsTo(to).stream()
                    .filter(m -> m.subject().equals(subject))
                    .findFirst()
                    .orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Mail> mailsTo(String to) throws Exception {
        List<Mail> mails = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).noneMatch(a -> a.toString().equals(to))) {
                continue;
            }
            if (!(m.getContent() instanceof Multipart parts)) {
                mails.add(new Mail(m.getSubject(), m.getContent().toString(), null, null));
                continue;
            }
            BodyPart text = parts.getBodyPart(0);
            BodyPart ics = parts.getBodyPart(1);
            mails.add(new Mail(
                    m.getSubject(),
                    text.getContent().toString(),
                    ics.getContentType(),
                    new String(ics.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        }
        return mails;
    }

    private static String address(String who) {
        return who + "-" + System.nanoTime() + "@example.org";
    }
}
