package org.tocsin.storage;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * One database of the embedded server, opened without reading its documents.
 *
 * <p>mongo-java-server keeps only unique indexes; a secondary index is an {@link EmptyIndex} that ignores
 * every document. But a collection "builds" any index that says it is empty by reading every document
 * twice, and an {@code EmptyIndex} always says so: each open re-read the events collection twice per
 * secondary index (14 times), which was 58 of the 130 seconds a 100,000-event start took
 * (docs/discovery-benchmark.md). An index that ignores documents has nothing to build.
 */
final class EmbeddedDatabase extends H2Database {

    EmbeddedDatabase(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new Ignoring(indexName, keys);
    }

    /** The server's own {@link EmptyIndex} (queries on its keys scan, as before), with nothing to build. */
    private static final class Ignoring extends EmptyIndex<Object> {

        Ignoring(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}
