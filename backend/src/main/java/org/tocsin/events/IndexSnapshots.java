package org.tocsin.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tocsin.storage.DataDirectory;
import org.tocsin.storage.DatabaseSharing;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * When the event index may start from its snapshot ({@link IndexSnapshotFile}) instead of reading every stored
 * event: only on the embedded database, whose every write is this process's own and indexed as it is made
 * ({@link EventIndex#indexed}), so the index at a clean stop is exactly what a full read would build.
 *
 * <p>A snapshot is trusted only when all of these hold, and otherwise the index is read from the store as before:
 * <ul>
 *   <li>the same build wrote it (what the index derives from a document may change between builds);
 *   <li>the database holds its pair: a random token saved in {@value #COLLECTION} after the file, and taken out
 *       at the start that reads it. A crash after that start, a database file put back from elsewhere, or a
 *       restored backup (taken while running, so without the token) each leave no matching token;
 *   <li>no database-only server ({@code storage.DatabaseOnlyServer}) has served the file since: it deletes the
 *       snapshot, as replicas write through it;
 *   <li>it is less than {@link #MAX_AGE} old: the series' occurrences in it were expanded around the time it was
 *       taken, as the running index's are until its daily rebuild.
 * </ul>
 * The file is deleted once read: it describes the index at one stop only.
 */
@Component
class IndexSnapshots {

    private static final Logger log = LoggerFactory.getLogger(IndexSnapshots.class);
    static final String FILE = DataDirectory.EVENT_INDEX_SNAPSHOT;
    static final String COLLECTION = "index_snapshots";
    static final Duration MAX_AGE = Duration.ofDays(1);
    private static final String PAIR = "events";

    private final Path file;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    /** Null when the build is unknown (no build-info): then no snapshot is written or trusted. */
    private final String build;

    private final boolean enabled;

    @Autowired // not the private one below, for indexes made by hand
    IndexSnapshots(
            DataDirectory data,
            ReactiveMongoTemplate mongo,
            Clock clock,
            DatabaseSharing sharing,
            ObjectProvider<BuildProperties> buildProperties) {
        this.file = data.resolve(FILE);
        this.mongo = mongo;
        this.clock = clock;
        BuildProperties build = buildProperties.getIfAvailable();
        this.build = build == null || build.getTime() == null ? null : build.getVersion() + "@" + build.getTime();
        this.enabled = !sharing.othersWrite() && this.build != null;
    }

    private IndexSnapshots() {
        this.file = null;
        this.mongo = null;
        this.clock = null;
        this.build = null;
        this.enabled = false;
    }

    /** For an index made by hand (a test, a benchmark): always read from the store, never written. */
    static IndexSnapshots none() {
        return new IndexSnapshots();
    }

    /**
     * The snapshot the last clean stop left, if it may be trusted (above); it is used up either way. Read once,
     * before the index is loaded. Its events are handed to {@code eventBatches} as they are read
     * ({@link IndexSnapshotFile#read}), and only when it is trusted;
     * when reading fails part way, the batches handed on are as the file holds them, and the answer is empty.
     */
    Mono<Optional<IndexSnapshotFile.Contents>> take(Consumer<List<IndexedEvent>> eventBatches) {
        if (!enabled || !Files.exists(file)) {
            return Mono.just(Optional.empty());
        }
        return mongo.findAndRemove(Query.query(where("_id").is(PAIR)), Document.class, COLLECTION)
                .map(pair -> Optional.ofNullable(pair.getString("token")))
                .defaultIfEmpty(Optional.empty())
                // Read on a worker: never on the database driver's thread, which other commands share meanwhile.
                .publishOn(Schedulers.boundedElastic())
                .map(token -> read(token.orElse(null), eventBatches))
                .onErrorResume(e -> {
                    log.warn("Event index snapshot unreadable, reading the store instead: {}", e.toString());
                    return Mono.just(Optional.empty());
                })
                .doFinally(signal -> forget());
    }

    private Optional<IndexSnapshotFile.Contents> read(String token, Consumer<List<IndexedEvent>> eventBatches) {
        try {
            Optional<IndexSnapshotFile.Contents> contents =
                    IndexSnapshotFile.read(file, header -> trusted(header, token), eventBatches);
            if (contents.isEmpty()) {
                log.info("Event index snapshot not used: another build wrote it, or the database has changed since");
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean trusted(IndexSnapshotFile.Header header, String token) {
        return build.equals(header.build())
                && header.token().equals(token)
                && header.takenAt().isAfter(clock.instant().minus(MAX_AGE));
    }

    /** Writes the snapshot, then its pair in the database; a failure only means the next start reads the store. */
    Mono<Void> save(IndexSnapshotFile.Contents contents) {
        if (!enabled) {
            return Mono.empty();
        }
        Document pair = new Document("_id", PAIR)
                .append("token", contents.header().token())
                .append("takenAt", Date.from(contents.header().takenAt()));
        return Mono.fromCallable(() -> {
                    IndexSnapshotFile.write(file, contents);
                    return file;
                })
                .then(mongo.save(pair, COLLECTION))
                .then()
                .onErrorResume(e -> {
                    log.warn("Event index snapshot not written: {}", e.toString());
                    forget();
                    return Mono.empty();
                });
    }

    /** A header for a snapshot taken now. */
    IndexSnapshotFile.Header header() {
        return new IndexSnapshotFile.Header(
                build == null ? "" : build, UUID.randomUUID().toString(), clock.instant());
    }

    /** Deletes the snapshot file: the index changed after it was written, or it has been read. */
    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Event index snapshot not deleted: {}", e.toString());
        }
    }

    boolean enabled() {
        return enabled;
    }
}
