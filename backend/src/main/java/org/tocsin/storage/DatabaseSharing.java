package org.tocsin.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether other processes write to this replica's database. The embedded server started in-process is
 * this process's alone, so every write is its own and in-process followers see it at once. With
 * {@code spring.mongodb.uri} set (a real MongoDB, or a shared database-only Tocsin server,
 * {@link DatabaseOnlyServer}), other replicas write too: whatever a replica keeps in memory from the store
 * must catch up by polling it.
 */
@Component
public class DatabaseSharing {

    private final boolean othersWrite;

    public DatabaseSharing(@Value("${spring.mongodb.uri:}") String mongoUri) {
        this.othersWrite = !mongoUri.isBlank();
    }

    /** True when another process may write to the database this replica reads. */
    public boolean othersWrite() {
        return othersWrite;
    }
}
