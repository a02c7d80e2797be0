package org.tocsin.backups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Names that sort by time and never replace an earlier copy. */
final class FileNames {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private FileNames() {}

    static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    static Path unique(Path directory, String name, String suffix) {
        Path path = directory.resolve(name + suffix);
        for (int n = 2; Files.exists(path); n++) {
            path = directory.resolve(name + "-" + n + suffix);
        }
        return path;
    }
}
