package org.tocsin.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.ZipOutputStream;
import org.h2.mvstore.MVStore;

/**
 * The embedded database's one file, for the operations that need the file itself rather than the wire
 * protocol: an online backup. Present only when Tocsin runs the embedded server.
 */
public final class EmbeddedStore {

    /** The name of the database file in the data directory, and of its entry in a backup. */
    public static final String FILE_NAME = "tocsin.mv.db";

    private final MVStore store;

    EmbeddedStore(MVStore store) {
        this.store = store;
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
