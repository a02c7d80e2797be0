package org.tocsin.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.TocsinApplication;
import org.tocsin.support.Answers;
import org.tocsin.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * An operator's backup, restored into a new data directory, answers every reader as the original did,
 * byte for byte: discovery, the event, the city and organization feeds, a member's view, an RSVP's
 * manage link and sign-in. What was written after the backup is not in it.
 */
class BackupRoundTripTest {

    private static final String ADMIN = "operator@tocsin.test";

    @TempDir
    Path original;

    @TempDir
    Path restored;

    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aRestoredBackupAnswersEveryReaderAsTheOriginalDid() throws Exception {
        Api before = start(original);
        Api.Caller admin = before.newUser("Operator", ADMIN);
        Api.Caller organizer = before.newUser("Org", "org@tocsin.test");
        organizer
                .post("/api/v1/organizations", Map.of("name", "Backup Vigils"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.slug")
                .isEqualTo("backup-vigils");
        String publicEvent = createEvent(organizer, "Vigil at the gate", "PUBLIC");
        createEvent(organizer, "Members' planning", "PRIVATE");
        String manageToken = before.anonymous()
                .post(
                        "/api/v1/events/" + publicEvent + "/rsvps",
                        Map.of("name", "Guest", "response", "GOING", "guests", 1))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("manageToken")
                .asString();

        List<String> reads = List.of(
                "/api/v1/events?city=Berlin&country=DE&from=2026-01-01",
                "/api/v1/events/" + publicEvent,
                "/feeds/cities/de/berlin.ics",
                "/feeds/organizations/backup-vigils.json",
                "/events/" + publicEvent + ".ics",
                "/api/v1/rsvps/" + manageToken);
        Map<String, String> strangerSaw = Answers.of(before.anonymous(), reads);
        Map<String, String> memberSaw =
                Answers.of(organizer, List.of("/api/v1/events?organization=backup-vigils&from=2026-01-01"));

        JsonNode backup = admin.post("/api/v1/admin/backups", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        Path file = Path.of(backup.get("file").asString());
        assertThat(file).startsWith(original.resolve("backups").toAbsolutePath());
        assertThat(Files.size(file)).isEqualTo(backup.get("bytes").asLong()).isPositive();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("a copy of everyone's data is the operator's alone")
                .isEqualTo("rw-------");
        String afterBackup = createEvent(organizer, "Written after the backup", "PUBLIC");
        running.close();

        Api after = start(restored, "--tocsin.restore-from=" + file);
        Map<String, String> strangerSees = Answers.of(after.anonymous(), reads);
        reads.forEach(uri -> assertThat(strangerSees.get(uri)).as(uri).isEqualTo(strangerSaw.get(uri)));
        Api.Caller organizerAgain = after.signIn("org@tocsin.test", Api.PASSWORD);
        assertThat(Answers.of(organizerAgain, List.of("/api/v1/events?organization=backup-vigils&from=2026-01-01")))
                .isEqualTo(memberSaw);
        after.anonymous().get("/api/v1/events/" + afterBackup).expectStatus().isNotFound();
    }

    @Test
    void onlyPlatformAdminsMayBackUpOrExport() {
        Api api = start(original);
        Api.Caller someone = api.newUser("Someone");
        someone.post("/api/v1/admin/backups", Map.of()).expectStatus().isNotFound();
        someone.post("/api/v1/admin/exports", Map.of()).expectStatus().isNotFound();
        api.anonymous().post("/api/v1/admin/backups", Map.of()).expectStatus().isUnauthorized();
        assertThat(original.resolve("backups")).doesNotExist();
        assertThat(original.resolve("exports")).doesNotExist();
    }

    @Test
    void aRestoreNeverReplacesADatabase() throws Exception {
        Api api = start(original);
        Api.Caller admin = api.newUser("Operator", ADMIN);
        Path file = Path.of(admin.post("/api/v1/admin/backups", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("file")
                .asString());
        running.close();
        running = null;
        byte[] database = Files.readAllBytes(original.resolve("tocsin.mv.db"));

        assertThatThrownBy(() -> start(original, "--tocsin.restore-from=" + file))
                .hasStackTraceContaining("already holds a database");
        assertThat(Files.readAllBytes(original.resolve("tocsin.mv.db"))).isEqualTo(database);
    }

    @Test
    void anExportHoldsEveryDocumentInTheFormsMongoToolsImport() throws Exception {
        Api api = start(original);
        Api.Caller admin = api.newUser("Operator", ADMIN);
        Api.Caller organizer = api.newUser("Org", "org@tocsin.test");
        organizer
                .post("/api/v1/organizations", Map.of("name", "Backup Vigils"))
                .expectStatus()
                .isCreated();
        createEvent(organizer, "Vigil at the gate", "PUBLIC");

        JsonNode export = admin.post("/api/v1/admin/exports", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        Path database = Path.of(export.get("directory").asString()).resolve("tocsin");
        assertThat(database).startsWith(original.resolve("exports").toAbsolutePath());
        ReactiveMongoTemplate mongo = running.getBean(ReactiveMongoTemplate.class);
        List<String> collections =
                mongo.getCollectionNames().sort().collectList().block();
        assertThat(collections).contains("users", "events", "organizations", "memberships");
        assertThat(export.get("documents").propertyNames()).containsExactlyElementsOf(collections);
        for (String name : collections) {
            List<RawBsonDocument> stored = mongo.getCollection(name)
                    .flatMapMany(c -> c.withDocumentClass(RawBsonDocument.class).find())
                    .collectList()
                    .block();
            List<RawBsonDocument> fromJson = Files.readAllLines(database.resolve(name + ".json")).stream()
                    .map(RawBsonDocument::parse)
                    .toList();
            assertThat(fromJson).as(name + ".json (mongoimport)").isEqualTo(stored);
            assertThat(bsonDocuments(database.resolve(name + ".bson")))
                    .as(name + ".bson (mongorestore)")
                    .isEqualTo(stored);
            assertThat(export.get("documents").get(name).asLong()).isEqualTo(stored.size());
            Document metadata = Document.parse(Files.readString(database.resolve(name + ".metadata.json")));
            assertThat(metadata.getList("indexes", Document.class))
                    .as(name + " indexes")
                    .extracting(index -> index.getString("name"))
                    .contains("_id_");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database)))
                .isEqualTo("rwx------");
    }

    /** A .bson dump: BSON documents one after another, each starting with its little-endian length. */
    private static List<RawBsonDocument> bsonDocuments(Path file) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<RawBsonDocument> documents = new java.util.ArrayList<>();
        while (bytes.hasRemaining()) {
            int length = bytes.getInt(bytes.position());
            byte[] one = new byte[length];
            bytes.get(one);
            documents.add(new RawBsonDocument(one));
        }
        return documents;
    }

    private static String createEvent(Api.Caller organizer, String title, String visibility) {
        Map<String, Object> place = Map.of(
                "venue",
                "Gate",
                "address",
                "Gate street 1",
                "city",
                "Berlin",
                "countryCode",
                "DE",
                "lat",
                52.52,
                "lon",
                13.40);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", "backup-vigils");
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", "2027-03-04T18:00");
        body.put("end", "2027-03-04T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("visibility", visibility);
        body.put("place", place);
        return organizer.createdId("/api/v1/events", body);
    }

    private Api start(Path dataDir, String... more) {
        String[] arguments = {
            "--server.port=0",
            "--tocsin.data-dir=" + dataDir,
            "--tocsin.admins=" + ADMIN,
            "--tocsin.rate-limits.enabled=false",
            // About backups, not sign-up (verification has its own test, accounts.EmailVerificationTest).
            "--tocsin.accounts.require-verified-email=false",
            // This test is about the embedded database file, even when the suite points elsewhere.
            "--spring.mongodb.uri="
        };
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(arguments), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        running = new SpringApplicationBuilder(TocsinApplication.class).run(all);
        String port = running.getEnvironment().getRequiredProperty("local.server.port");
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        return Api.of(client);
    }
}
