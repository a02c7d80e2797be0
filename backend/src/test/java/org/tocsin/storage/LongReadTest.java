package org.tocsin.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.storage.EmbeddedBackends.CLIENT;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read of a whole collection while H2 compacts the file under it. The event index reads every event at start,
 * and at a million events, after an import had left many chunks half dead, that read failed with "Chunk 8208 not
 * found" and the start with it: H2's background compaction had moved pages the read was still to visit and freed
 * their chunk. Here time passes at once (no retention time, no old versions kept), so a chunk the compaction
 * empties is freed at the next commit, unless the reading command pinned the version it reads.
 */
class LongReadTest {

    private static final int DOCUMENTS = 20_000;
    /** Matches every document, after building a list of 5,000 numbers for each: the read takes seconds. */
    private static final Document SLOWLY_EVERY_DOCUMENT = new Document(
            "$expr",
            new Document("$gte", List.of(new Document("$size", new Document("$range", List.of(0, 5_000))), 0)));

    @TempDir
    Path dir;

    @Test
    void aReadOfEveryDocumentCompletesWhileCompactionFreesTheChunksItReads() throws Exception {
        Path file = dir.resolve("tocsin.mv.db");
        DurableH2Backend writer = EmbeddedBackends.open(file);
        for (int from = 0; from < DOCUMENTS; from += 1_000) {
            List<Document> documents = new ArrayList<>();
            for (int i = from; i < from + 1_000; i++) {
                documents.add(new Document("_id", "event-" + i).append("n", i).append("text", "words " + i));
            }
            command(writer, "insert", new Document("insert", "events").append("documents", documents));
        }
        // Every other document rewritten: each chunk the inserts wrote is left about half dead, work for compaction.
        command(
                writer,
                "update",
                new Document("update", "events")
                        .append(
                                "updates",
                                List.of(new Document("q", new Document("n", new Document("$mod", List.of(2, 0))))
                                        .append("u", new Document("$set", new Document("changed", true)))
                                        .append("multi", true))));
        writer.getMvStore().close();

        // Opened again, so that the read goes to the chunks on disk rather than to pages still in memory.
        MVStore store =
                new MVStore.Builder().fileName(file.toString()).compress().open();
        store.setRetentionTime(0);
        store.setVersionsToKeep(0);
        DurableH2Backend backend = new DurableH2Backend(store, EmbeddedCredential.random());
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger compactions = new AtomicInteger();
        // H2's background work: live pages moved out of thin chunks, a little at a time, each move committed; a
        // commit frees the chunks the one before emptied (a write of its own when there was nothing to move).
        MVMap<Integer, Integer> ticks = store.openMap("test.ticks");
        CompletableFuture<Void> compactor = CompletableFuture.runAsync(() -> {
            for (int tick = 0; reading.get(); tick++) {
                if (store.compact(95, 256 << 10)) {
                    compactions.incrementAndGet();
                } else {
                    ticks.put(0, tick);
                }
                store.commit();
            }
        });
        try {
            Document answer = command(
                    backend,
                    "find",
                    new Document("find", "events")
                            .append("filter", SLOWLY_EVERY_DOCUMENT)
                            .append("batchSize", DOCUMENTS + 1));
            List<?> found = (List<?>) ((Document) answer.get("cursor")).get("firstBatch");
            assertThat(found).hasSize(DOCUMENTS);
        } finally {
            reading.set(false);
            compactor.join();
        }
        assertThat(compactions.get()).as("compactions during the read").isGreaterThan(5);
        store.close();
    }

    private static Document command(DurableH2Backend backend, String name, Document command) {
        Document answer = backend.handleCommand(CLIENT, "tocsin", name, command);
        assertThat(answer.get("ok")).as(answer.toString()).isEqualTo(1.0);
        return answer;
    }
}
