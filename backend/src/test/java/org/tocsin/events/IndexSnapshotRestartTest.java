package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tocsin.storage.DatabaseOnlyServer;
import org.tocsin.support.Answers;
import org.tocsin.support.Api;
import org.tocsin.support.InProcessApp;
import org.tocsin.support.TestStorage;

/**
 * A restart on the embedded database starts from the index's snapshot (written at the clean stop) instead of
 * reading every event, and nobody can tell: strangers, members and moderators get the same lists, searches,
 * delta-sync pages, feeds and ETags as from an index read from the store. A snapshot the database does not pair
 * with (here: an older one put back) is never used.
 */
@ExtendWith(OutputCaptureExtension.class)
class IndexSnapshotRestartTest {

    private static final String ADMIN = "snapshot-admin@tocsin.test";
    private static final String OWNER = "snapshot-owner@tocsin.test";
    private static final String WORD = "zyqsnapshot";

    private final Path dataDir = TestStorage.newDataDir("tocsin-snapshot-");
    private final Path snapshot = dataDir.resolve(IndexSnapshots.FILE);
    private InProcessApp running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aRestartFromTheSnapshotAnswersAsAReadOfTheStore(CapturedOutput output) throws Exception {
        Api first = start();
        Api.Caller owner = first.newUser("Owner", OWNER);
        owner.post("/api/v1/organizations", Map.of("name", "Snapshot Vigils", "slug", "snapshot-vigils"))
                .expectStatus()
                .isCreated();
        String open = owner.createdId("/api/v1/events", event("Vigil " + WORD, "Berlin", "DE"));
        Map<String, Object> series = event("Weekly " + WORD, "Paris", "FR");
        series.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=8"));
        owner.createdId("/api/v1/events", series);
        Map<String, Object> members = event("Planning " + WORD, "Berlin", "DE");
        members.put("visibility", "PRIVATE");
        owner.createdId("/api/v1/events", members);
        Map<String, Object> hiddenVenue = event("Gathering " + WORD, "Hamburg", "DE");
        hiddenVenue.put("locationVisibility", "ATTENDEES");
        hiddenVenue.put("locationRevealBefore", "PT2H");
        owner.createdId("/api/v1/events", hiddenVenue);
        Map<String, Object> scheduled = event("Scheduled " + WORD, "Lyon", "FR");
        scheduled.put("publishAt", "2027-01-15T10:00:00Z");
        owner.createdId("/api/v1/events", scheduled);
        String deleted = owner.createdId("/api/v1/events", event("Cancelled " + WORD, "Berlin", "DE"));
        owner.delete("/api/v1/events/" + deleted).expectStatus().is2xxSuccessful();
        String hidden = owner.createdId("/api/v1/events", event("Decoy " + WORD, "Berlin", "DE"));
        first.newUser("Admin", ADMIN)
                .post("/api/v1/moderation/events/" + hidden + "/hide", Map.of())
                .expectStatus()
                .isOk();
        List<String> strangerReads = List.of(
                "/api/v1/events?from=2026-01-01T00:00:00Z",
                "/api/v1/events?q=" + WORD + "&from=2026-01-01T00:00:00Z",
                "/api/v1/events?city=Berlin&country=DE&from=2026-01-01T00:00:00Z",
                "/api/v1/events?updatedSince=2000-01-01T00:00:00Z",
                "/api/v1/events/" + open,
                "/feeds/cities/de/berlin.ics",
                "/feeds/organizations/snapshot-vigils.json");
        List<String> memberReads = List.of(
                "/api/v1/events?organization=snapshot-vigils&from=2026-01-01T00:00:00Z",
                "/api/v1/events?q=" + WORD + "&from=2026-01-01T00:00:00Z",
                "/api/v1/events?updatedSince=2000-01-01T00:00:00Z");
        Map<String, String> strangerSaw = Answers.of(first.anonymous(), strangerReads);
        Map<String, String> memberSaw = Answers.of(owner, memberReads);
        running.close();
        assertThat(snapshot).as("a clean stop leaves a snapshot").exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshot)))
                .as("hidden venues' words are in it: the operator's alone")
                .isEqualTo("rw-------");

        Api restored = start();
        assertThat(output.getOut()).containsOnlyOnce("Event index restored");
        assertThat(snapshot)
                .as("read once: a crash now must not leave it to the next start")
                .doesNotExist();
        sameAnswers(Answers.of(restored.anonymous(), strangerReads), strangerSaw);
        sameAnswers(Answers.of(restored.signIn(OWNER, Api.PASSWORD), memberReads), memberSaw);
        running.close();

        // The same data read from the store: the snapshot gone, as after a crash.
        Files.delete(snapshot);
        Api fromStore = start();
        assertThat(output.getOut()).containsOnlyOnce("Event index restored");
        sameAnswers(Answers.of(fromStore.anonymous(), strangerReads), strangerSaw);
        sameAnswers(Answers.of(fromStore.signIn(OWNER, Api.PASSWORD), memberReads), memberSaw);
    }

    @Test
    void aSnapshotTheDatabaseHasMovedOnFromIsNotUsed(CapturedOutput output) throws Exception {
        Api first = start();
        Api.Caller owner = first.newUser("Owner", OWNER);
        owner.post("/api/v1/organizations", Map.of("name", "Snapshot Vigils", "slug", "snapshot-vigils"))
                .expectStatus()
                .isCreated();
        owner.createdId("/api/v1/events", event("Vigil " + WORD, "Berlin", "DE"));
        running.close();
        Path older = Files.copy(snapshot, dataDir.resolve("older.snapshot"));

        Api second = start();
        String later =
                second.signIn(OWNER, Api.PASSWORD).createdId("/api/v1/events", event("Later " + WORD, "Berlin", "DE"));
        running.close();
        // An operator puts the older snapshot back: it no longer describes the database.
        Files.move(older, snapshot, StandardCopyOption.REPLACE_EXISTING);

        Api third = start();
        assertThat(output.getOut()).containsOnlyOnce("Event index restored").contains("snapshot not used");
        assertThat(third.anonymous()
                        .get("/api/v1/events?q=" + WORD + "&from=2026-01-01T00:00:00Z")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains(later);
    }

    private static void sameAnswers(Map<String, String> now, Map<String, String> before) {
        before.forEach((uri, answer) -> assertThat(now.get(uri)).as(uri).isEqualTo(answer));
    }

    @Test
    void aDatabaseOnlyServerOnTheDirectoryVoidsTheSnapshot(CapturedOutput output) throws Exception {
        start().newUser("Owner", OWNER);
        running.close();
        assertThat(snapshot).exists();
        Path secret = Files.writeString(
                Files.createTempFile(dataDir.getParent(), "secret-", ""), "0123456789abcdef0123456789abcdef");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        // Replicas would now write through it, unknown to the snapshot.
        try (var database = DatabaseOnlyServer.run(
                "--tocsin.database-only=true",
                "--tocsin.database.port=0",
                "--tocsin.database.secret-file=" + secret,
                "--tocsin.data-dir=" + dataDir)) {
            assertThat(snapshot).doesNotExist();
        }
        start();
        assertThat(output.getOut()).doesNotContain("Event index restored");
    }

    private Api start() {
        running = InProcessApp.start(
                dataDir,
                "--tocsin.admins=" + ADMIN,
                // The delta-sync pages hand out changes at once, so they list what the test wrote.
                "--tocsin.sync.horizon=0s");
        return running.api();
    }

    private static Map<String, Object> event(String title, String city, String country) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", "snapshot-vigils");
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", "2027-03-04T18:00");
        body.put("end", "2027-03-04T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("place", new HashMap<>(Map.of("city", city, "countryCode", country, "venue", "Square")));
        return body;
    }
}
