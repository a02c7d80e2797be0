package org.tocsin.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the one-command run keeps what must survive a restart: the embedded database file
 * and, for features that need one, their own sub-folders.
 *
 * @param dataDir {@code tocsin.data-dir}, default {@code ./data}
 */
@ConfigurationProperties("tocsin")
public record DataDirectory(Path dataDir) {

    /**
     * The event index's snapshot from the last clean stop ({@code events.IndexSnapshots}): only true of a database
     * this one process alone wrote since, so whatever else serves the file deletes it.
     */
    public static final String EVENT_INDEX_SNAPSHOT = "event-index.snapshot";

    public DataDirectory {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
    }

    public Path resolve(String child) {
        return dataDir.resolve(child);
    }
}
