package org.tocsin.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * One database of the embedded server, opened without reading its documents, storing them as BSON.
 *
 * <p>mongo-java-server keeps only unique indexes; a secondary index is an {@link EmptyIndex} that ignores
 * every document. But a collection "builds" any index that says it is empty by reading every document
 * twice, and an {@code EmptyIndex} always says so: each open re-read the events collection twice per
 * secondary index (14 times), which was 58 of the 130 seconds a 100,000-event start took
 * (docs/discovery-benchmark.md). An index that ignores documents has nothing to build.
 *
 * <p>Documents are stored as BSON ({@link BsonDocumentType}) rather than Java-serialised, reading those
 * written the old way as they are; unique indexes keep their keys' format and order, searched faster
 * ({@link IndexKeyType}).
 */
final class EmbeddedDatabase extends H2Database {

    /** The map names H2Database gives a collection's documents and its bookkeeping (its own constants are private). */
    static final String DOCUMENTS = "databases.";

    private static final String META = "meta.";

    /**
     * The store of a database being constructed: H2Database's constructor opens the existing collections
     * (through {@link #openOrCreateCollection}) before a subclass's fields are set, and keeps its own private.
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private EmbeddedDatabase(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static EmbeddedDatabase open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new EmbeddedDatabase(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    /** As H2Database opens a collection, with the documents' map storing BSON. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVStore mvStore = store != null ? store : OPENING.get();
        MVMap<Object, Document> documents = mvStore.openMap(
                DOCUMENTS + fullName,
                new MVMap.Builder<Object, Document>()
                        .keyType(new DocumentIdType())
                        .valueType(new BsonDocumentType()));
        MVMap<String, Object> meta = mvStore.openMap(META + fullName);
        return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
    }

    /**
     * As H2Database opens a unique index, with its map's keys searched faster ({@link IndexKeyType}): opened here
     * first, the map is the one H2Database's own {@code openMap} then finds open.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVStore mvStore = store != null ? store : OPENING.get();
        mvStore.openMap(
                getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                new MVMap.Builder<Object, Object>().keyType(new IndexKeyType()));
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
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
