package org.tocsin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where a test's application context keeps its data: a fresh embedded database in a temporary
 * directory, or the real MongoDB named by {@code TOCSIN_TEST_MONGODB_URI}. A context of its own needs
 * a store of its own: the embedded database file is locked by the context that opened it.
 */
public final class TestStorage {

    private TestStorage() {}

    /**
     * @param database on a real MongoDB, the database of this context (null: the URI's own, shared
     *                 with the other contexts)
     */
    public static void register(DynamicPropertyRegistry registry, Path dataDir, String database) {
        String uri = System.getenv("TOCSIN_TEST_MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            registry.add("spring.mongodb.uri", () -> uri);
            if (database != null) {
                registry.add("spring.mongodb.database", () -> database);
            }
        } else {
            registry.add("tocsin.data-dir", dataDir::toString);
        }
    }

    /** Not a @TempDir: a cached context outlives its test class and still has the file open. */
    public static Path newDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
