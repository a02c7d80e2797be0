package org.tocsin.storage;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files only the account running Tocsin may read: the database file holds emails and password hashes,
 * the outbox's .eml files hold manage links. Directories are 0700 and files 0600, set when they are
 * created (not left to the umask) and again on existing ones. A file system without POSIX permissions
 * (some mounted volumes) cannot be tightened: a warning says so, and Tocsin runs on.
 */
public final class PrivateFiles {

    private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];
    private static final AtomicBoolean warned = new AtomicBoolean();

    private PrivateFiles() {}

    /** Creates {@code dir} (and missing parents) for its owner only, or makes an existing one so. */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(
                    dir, posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : NONE);
        }
        set(dir, DIRECTORY);
        return dir;
    }

    /** Attributes that create a file (in {@code dir}) readable and writable by its owner alone. */
    public static FileAttribute<?>[] newFile(Path dir) {
        return posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : NONE;
    }

    /** Makes an existing file readable and writable by its owner alone. */
    public static void file(Path file) {
        set(file, FILE);
    }

    /**
     * {@code dir} for its owner only (0700), and its regular files whose names {@code names} accepts
     * (0600); not recursive. Symbolic links are neither followed nor changed: what they point to is not
     * ours to change, nor is anything else an operator keeps beside Tocsin's files.
     */
    static void tighten(Path dir, Predicate<String> names) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        set(dir, DIRECTORY);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
                        && names.test(child.getFileName().toString())) {
                    set(child, FILE);
                }
            }
        }
    }

    /** Best effort: a file system that refuses (a FAT volume, a file of another account) earns a warning. */
    private static void set(Path path, Set<PosixFilePermission> permissions) {
        if (!posix(path)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn(
                    "Could not make {} private to the account running Tocsin ({}): other local users may read it",
                    path.toAbsolutePath(),
                    e.getClass().getName());
        }
    }

    private static boolean posix(Path path) {
        FileSystem fileSystem = path.getFileSystem();
        if (fileSystem.supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        if (warned.compareAndSet(false, true)) {
            log.warn(
                    "The file system of the data directory has no POSIX permissions: Tocsin cannot keep its "
                            + "files (emails, password hashes, manage links) from other local users; make sure only "
                            + "the account running Tocsin can read {}",
                    path.toAbsolutePath());
        }
        return false;
    }
}
