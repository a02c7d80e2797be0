package org.tocsin.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code tocsin.restore-from}: starts a new data directory from a backup. It never overwrites: a data
 * directory that already holds a database refuses the restore, so a mistyped command cannot replace
 * live data with an old copy.
 */
final class EmbeddedRestore {

    private EmbeddedRestore() {}

    static void restore(Path backup, Path databaseFile) {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalStateException("tocsin.restore-from: no backup file at " + backup);
        }
        try {
            if (Files.exists(databaseFile) && Files.size(databaseFile) > 0) {
                throw new IllegalStateException("tocsin.restore-from: " + databaseFile
                        + " already holds a database; restore into a new, empty data directory");
            }
            Files.deleteIfExists(databaseFile);
            try (InputStream in = Files.newInputStream(backup);
                    ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (entry.getName().equals(EmbeddedStore.FILE_NAME)) {
                        copy(zip, databaseFile);
                        return;
                    }
                }
            }
            throw new IllegalStateException(
                    "tocsin.restore-from: " + backup + " is not a Tocsin backup (no " + EmbeddedStore.FILE_NAME + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("tocsin.restore-from: cannot read " + backup, e);
        }
    }

    private static void copy(InputStream from, Path to) throws IOException {
        try (OutputStream out = Files.newOutputStream(
                Files.createFile(to, PrivateFiles.newFile(to.getParent())), StandardOpenOption.WRITE)) {
            from.transferTo(out);
        }
    }
}
