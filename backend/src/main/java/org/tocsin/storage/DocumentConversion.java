package org.tocsin.storage;

import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites, once per file, every document stored the old way (Java-serialised) as BSON ({@link BsonDocumentType}).
 * Left alone, an old document changes format only when its storage page is next written, and a file written
 * before would pay the old reads (five times the CPU) for years: at every start, for the event index's load of
 * every event, and for every page read. It runs when the embedded server opens the file, before it takes
 * connections; an interrupted run starts over at the next open (putting a document back is idempotent).
 */
final class DocumentConversion {

    private static final Logger log = LoggerFactory.getLogger(DocumentConversion.class);

    /** Where the file records that its documents are all written in the current format. */
    static final String FORMAT_MAP = "tocsin.format";

    static final String DOCUMENTS = "documents";
    static final String BSON = "bson";
    /** Documents rewritten between commits: bounds the unsaved pages held in memory. */
    private static final int PER_COMMIT = 2_000;

    private DocumentConversion() {}

    /** Converts the open databases' documents, unless this file's were converted (or written as BSON) before. */
    static void run(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (BSON.equals(format.get(DOCUMENTS))) {
            return;
        }
        long started = System.nanoTime();
        long rewritten = 0;
        for (String name : store.getMapNames()) {
            if (!name.startsWith(EmbeddedDatabase.DOCUMENTS)) {
                continue;
            }
            // Already open with the BSON value type: the server opened its databases first.
            MVMap<Object, Object> documents = store.openMap(name);
            List<Object> keys = new ArrayList<>(documents.keyList());
            for (Object key : keys) {
                Object document = documents.get(key);
                if (document != null) {
                    // The page holding it is now changed: the commit writes it, and all its documents, as BSON.
                    documents.put(key, document);
                }
                if (++rewritten % PER_COMMIT == 0) {
                    store.commit();
                }
            }
        }
        format.put(DOCUMENTS, BSON);
        store.commit();
        if (rewritten > 0) {
            log.info(
                    "Stored {} documents in the current format (once per data directory) in {} ms",
                    rewritten,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
