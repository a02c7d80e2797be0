package org.tocsin.backups;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.stereotype.Service;
import org.tocsin.storage.DataDirectory;
import org.tocsin.storage.PrivateFiles;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every collection in the layout MongoDB's tools read, under {@code <data-dir>/exports/<stamp>/<db>/}:
 * {@code <name>.bson} with {@code <name>.metadata.json} (its indexes) for {@code mongorestore --dir}, and
 * {@code <name>.json}, one canonical Extended JSON document a line, for {@code mongoimport}. Documents
 * stream from the database to the files; none is held longer than it takes to write it.
 */
@Service
class Exports {

    record Written(String directory, Map<String, Long> documents, Instant createdAt) {}

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final ReactiveMongoDatabaseFactory databases;
    private final Path directory;
    private final Clock clock;
    private final OneAtATime oneAtATime;

    Exports(ReactiveMongoDatabaseFactory databases, DataDirectory dataDirectory, Clock clock, OneAtATime oneAtATime) {
        this.oneAtATime = oneAtATime;
        this.databases = databases;
        this.directory = dataDirectory.resolve("exports");
        this.clock = clock;
    }

    Mono<Written> write() {
        return oneAtATime.run(Mono.defer(() -> {
            Instant now = clock.instant();
            return databases
                    .getMongoDatabase()
                    .flatMap(db -> Mono.fromCallable(() -> target(now, db))
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(into -> Flux.from(db.listCollectionNames())
                                    .filter(name -> !name.startsWith("system."))
                                    .sort()
                                    .concatMap(
                                            name -> collection(db, name, into).map(count -> Map.entry(name, count)))
                                    .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                                    .map(counts -> new Written(into.getParent().toString(), counts, now))));
        }));
    }

    private Path target(Instant now, MongoDatabase db) throws IOException {
        Path export = FileNames.unique(PrivateFiles.directory(directory), "tocsin-" + FileNames.stamp(now), "");
        PrivateFiles.directory(export);
        return PrivateFiles.directory(export.resolve(db.getName())).toAbsolutePath();
    }

    /** One collection's three files; the count of documents written. */
    private Mono<Long> collection(MongoDatabase db, String name, Path into) {
        MongoCollection<RawBsonDocument> collection = db.getCollection(name, RawBsonDocument.class);
        Mono<Long> documents = Flux.using(
                        () -> new DocumentFiles(into, name),
                        files -> Flux.from(collection.find())
                                .publishOn(Schedulers.boundedElastic())
                                .doOnNext(files::write),
                        DocumentFiles::close)
                // Opening the files blocks: not on the driver's threads.
                .subscribeOn(Schedulers.boundedElastic())
                .count();
        Mono<Void> indexes = Flux.from(db.getCollection(name).listIndexes())
                .map(index -> {
                    index.remove("ns"); // the source's namespace; mongorestore names the target itself
                    return index;
                })
                .collectList()
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(list -> metadata(into, name, list))
                .then();
        return documents.flatMap(count -> indexes.thenReturn(count));
    }

    private static void metadata(Path into, String name, List<Document> indexes) {
        Document metadata =
                new Document("indexes", indexes).append("collectionName", name).append("type", "collection");
        try {
            Files.writeString(
                    Files.createFile(into.resolve(name + ".metadata.json"), PrivateFiles.newFile(into)),
                    metadata.toJson(CANONICAL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .bson and .json files of one collection, open while its documents stream through. */
    private static final class DocumentFiles implements AutoCloseable {

        private final OutputStream bson;
        private final Writer json;

        DocumentFiles(Path into, String name) throws IOException {
            bson = new BufferedOutputStream(
                    Files.newOutputStream(Files.createFile(into.resolve(name + ".bson"), PrivateFiles.newFile(into))));
            json = Files.newBufferedWriter(
                    Files.createFile(into.resolve(name + ".json"), PrivateFiles.newFile(into)), StandardCharsets.UTF_8);
        }

        void write(RawBsonDocument document) {
            try {
                ByteBuffer bytes = document.getByteBuffer().asNIO();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                bson.write(copy);
                json.write(document.toJson(CANONICAL));
                json.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try (bson;
                    json) {
                // closes both, the second even if the first fails
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
