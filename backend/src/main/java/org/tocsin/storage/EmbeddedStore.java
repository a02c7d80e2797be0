package org.tocsin.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The embedded database's one file, for the operations that need the file itself rather than the wire
 * protocol: an online backup. Present only when Tocsin runs the embedded server.
 *
 * <p>H2's background writer (its housekeeping: rewriting chunks that are mostly dead, as a large import leaves
 * them) starts only once the application is ready. It rewrites under the store's lock, which every write
 * command's commit also takes: started with the file, it held the first commands of a start (creating indexes)
 * for 2.5-3.3 s at 100,000 events (docs/discovery-benchmark.md). Nothing waits for it: every write command
 * commits itself ({@link DurableH2Backend}).
 */
public final class EmbeddedStore implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

    /** The name of the database file in the data directory, and of its entry in a backup. */
    public static final String FILE_NAME = "tocsin.mv.db";

    /** H2's default: its background writer wakes every second. */
    private static final int BACKGROUND_WRITER_DELAY_MS = 1000;

    private final MVStore store;

    EmbeddedStore(MVStore store) {
        this.store = store;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        store.setAutoCommitDelay(BACKGROUND_WRITER_DELAY_MS);
    }

    /**
     * Opens {@link #FILE_NAME} in the data directory (which must already be its owner's alone); with
     * {@code restoreFrom} ({@code tocsin.restore-from}), first fills it from that backup.
     */
    static EmbeddedStore open(DataDirectory dataDirectory, String restoreFrom) {
        Path file = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
        if (!restoreFrom.isBlank()) {
            EmbeddedRestore.restore(Path.of(restoreFrom), file);
            log.info("Restored the database from {}", restoreFrom);
        }
        try {
            // Created empty for its owner alone (H2 starts a new store in an empty file): never world-readable.
            if (!Files.exists(file)) {
                Files.createFile(file, PrivateFiles.newFile(file.getParent()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database file " + file, e);
        }
        PrivateFiles.file(file);
        return new EmbeddedStore(new MVStore.Builder()
                .fileName(file.toString())
                .compress()
                .autoCommitDisabled()
                .open());
    }

    /**
     * Writes a consistent copy of the live database as a zip holding {@link #FILE_NAME}, while writes go
     * on: H2 stops reusing free space during the copy, so every page the copy reads stays as it was at its
     * start, and the copy opens at the last commit before it (every acknowledged write: commits are
     * synchronous). Blocking: call it off the event loop.
     */
    public void backup(OutputStream out) throws IOException {
        store.commit();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            store.getFileStore().backup(zip);
        }
    }

    MVStore store() {
        return store;
    }
}
