package org.tocsin.backups;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.tocsin.kernel.Refusal;
import org.tocsin.storage.DataDirectory;
import org.tocsin.storage.EmbeddedStore;
import org.tocsin.storage.PrivateFiles;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Online backups of the embedded database into {@code <data-dir>/backups/}. */
@Service
class Backups {

    record Written(String file, long bytes, Instant createdAt) {}

    private final ObjectProvider<EmbeddedStore> store;
    private final Path directory;
    private final Clock clock;
    private final OneAtATime oneAtATime;

    Backups(ObjectProvider<EmbeddedStore> store, DataDirectory dataDirectory, Clock clock, OneAtATime oneAtATime) {
        this.oneAtATime = oneAtATime;
        this.store = store;
        this.directory = dataDirectory.resolve("backups");
        this.clock = clock;
    }

    Mono<Written> write() {
        EmbeddedStore embedded = store.getIfAvailable();
        if (embedded == null) {
            return Mono.error(Refusal.of(
                    Refusal.Reason.CONFLICT,
                    "Tocsin runs on an external MongoDB here: back it up with that database's tools (mongodump)"));
        }
        return oneAtATime.run(Mono.fromCallable(() -> write(embedded)).subscribeOn(Schedulers.boundedElastic()));
    }

    private Written write(EmbeddedStore embedded) throws IOException {
        Instant now = clock.instant();
        Path file = FileNames.unique(PrivateFiles.directory(directory), "tocsin-" + FileNames.stamp(now), ".zip");
        try (OutputStream out = Files.newOutputStream(Files.createFile(file, PrivateFiles.newFile(directory)))) {
            embedded.backup(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Written(file.toAbsolutePath().toString(), Files.size(file), now);
    }
}
