package org.tocsin.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowingConsumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tocsin.TocsinApplication;
import org.tocsin.mail.MailMessage;
import org.tocsin.mail.Mailer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Another account on the host must not read Tocsin's data. Files: the database (emails, password
 * hashes) and the outbox's mails (manage links); the data directory is 0700 and its files 0600 from
 * the start, and a data directory an older version left readable (0755, 0644) is tightened at start-up.
 * The embedded MongoDB server: anyone on the host can connect to its loopback port, but without this
 * start's secret a connection can neither read nor write.
 */
class OtherLocalUsersTest {

    @TempDir
    Path temporary;

    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aNewDataDirectoryItsDatabaseAndItsMailsAreTheOwnersAlone() throws Exception {
        Path dataDir = temporary.resolve("data");
        start(dataDir);

        assertThat(mode(dataDir)).isEqualTo("rwx------");
        assertThat(mode(dataDir.resolve("tocsin.mv.db"))).isEqualTo("rw-------");
        Path mail = awaitMail(dataDir.resolve("outbox"));
        assertThat(mode(mail.getParent())).isEqualTo("rwx------");
        assertThat(mode(mail)).isEqualTo("rw-------");
    }

    @Test
    void startUpTightensADataDirectoryLeftReadableByOthers() throws Exception {
        Path dataDir = temporary.resolve("data");
        start(dataDir);
        Path mail = awaitMail(dataDir.resolve("outbox"));
        running.close();
        running = null;
        // As an older version (or a loose umask) left them.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(mail.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir.resolve("tocsin.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rw-r--r--"));

        running = new SpringApplicationBuilder(TocsinApplication.class).run(arguments(dataDir));

        assertThat(mode(dataDir)).isEqualTo("rwx------");
        assertThat(mode(dataDir.resolve("tocsin.mv.db"))).isEqualTo("rw-------");
        assertThat(mode(mail.getParent())).isEqualTo("rwx------");
        assertThat(mode(mail)).isEqualTo("rw-------");
    }

    @Test
    void aLocalProcessWithoutTheSecretCanNeitherReadNorWriteTheEmbeddedDatabase() throws IOException {
        start(temporary.resolve("data"));
        int port = running.getBean(MongoServer.class).getLocalAddress().getPort();
        running.getBean(ReactiveMongoTemplate.class)
                .insert(new Document("email", "victim@tocsin.test"), "users")
                .block(Duration.ofSeconds(30));

        String uri = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=10000";
        try (MongoClient stranger = MongoClients.create(uri)) {
            MongoDatabase database = stranger.getDatabase("tocsin");
            assertThat(failure(Flux.from(database.listCollectionNames()).collectList()))
                    .satisfies(unauthorized());
            assertThat(failure(Flux.from(database.getCollection("users").find()).collectList()))
                    .satisfies(unauthorized());
            assertThat(failure(Mono.from(database.getCollection("sessions")
                            .insertOne(new Document("_id", "planted").append("userId", "someone")))))
                    .satisfies(unauthorized());
        }
        MongoClientSettings guessing = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .credential(MongoCredential.createPlainCredential("tocsin", "$external", "guess".toCharArray()))
                .build();
        try (MongoClient guesser = MongoClients.create(guessing)) {
            assertThat(failure(Flux.from(guesser.getDatabase("tocsin")
                                    .getCollection("users")
                                    .find())
                            .collectList()))
                    .isInstanceOf(MongoSecurityException.class);
        }
        // The legacy wire protocol (OP_QUERY) is another door to the same collections.
        String legacy = legacyQuery(port, "tocsin.users");
        assertThat(legacy).doesNotContain("victim@tocsin.test");
        assertThat(running.getBean(ReactiveMongoTemplate.class)
                        .exists(Query.query(Criteria.where("_id").is("planted")), "sessions")
                        .block(Duration.ofSeconds(30)))
                .isFalse();
    }

    /**
     * Sends an OP_QUERY for every document of {@code collection}; the reply as ISO-8859-1 text, or
     * "(closed)" when the server hung up instead (as it does on a refused legacy query).
     */
    private static String legacyQuery(int port, String collection) throws IOException {
        byte[] name = collection.getBytes(StandardCharsets.UTF_8);
        ByteBuffer query = ByteBuffer.allocate(16 + 4 + name.length + 1 + 8 + 5).order(ByteOrder.LITTLE_ENDIAN);
        query.putInt(query.capacity()).putInt(1).putInt(0).putInt(2004); // header: length, id, responseTo, OP_QUERY
        query.putInt(0).put(name).put((byte) 0).putInt(0).putInt(0); // flags, collection, skip, limit
        query.putInt(5).put((byte) 0); // the empty query document {}
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(query.array());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] length = new byte[4];
            try {
                in.readFully(length);
            } catch (EOFException closed) {
                return "(closed)";
            }
            byte[] reply = new byte
                    [ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt() - 4];
            in.readFully(reply);
            return new String(reply, StandardCharsets.ISO_8859_1);
        }
    }

    /** MongoDB's error 13: the command needs an authenticated connection. */
    private static ThrowingConsumer<Throwable> unauthorized() {
        return e -> assertThat(e)
                .isInstanceOfSatisfying(
                        MongoCommandException.class,
                        command -> assertThat(command.getErrorCode()).isEqualTo(13));
    }

    private static Throwable failure(Mono<?> operation) {
        return catchThrowable(() -> operation.block(Duration.ofSeconds(60)));
    }

    /** Starts the app on {@code dataDir} and has it write one mail (no SMTP: an .eml file in the outbox). */
    private void start(Path dataDir) {
        running = new SpringApplicationBuilder(TocsinApplication.class).run(arguments(dataDir));
        running.getBean(Mailer.class)
                .enqueue(new MailMessage(
                        "someone@tocsin.test",
                        "Your RSVP",
                        "Manage it: https://tocsin.test/rsvp/tcm_secret",
                        List.of()))
                .block(Duration.ofSeconds(30));
    }

    private static String[] arguments(Path dataDir) {
        return new String[] {
            "--server.port=0",
            "--tocsin.data-dir=" + dataDir,
            "--tocsin.rate-limits.enabled=false",
            // This test is about the embedded database file, even when the suite points elsewhere.
            "--spring.mongodb.uri="
        };
    }

    private static Path awaitMail(Path outbox) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> firstMail(outbox), mail -> mail != null);
    }

    private static Path firstMail(Path outbox) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return null;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElse(null);
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
