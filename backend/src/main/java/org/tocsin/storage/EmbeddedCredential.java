package org.tocsin.storage;

import com.mongodb.MongoCredential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secret the application's own MongoDB client proves it knows to the embedded server. It is made
 * anew at each start (128 bits from a CSPRNG) and lives only in this process's memory: another account
 * on the host can connect to the loopback port but cannot read or write anything without it.
 *
 * <p>SASL PLAIN: the secret crosses the loopback interface in the clear, which only root can watch
 * (and root can read the process's memory anyway); a challenge-response mechanism would add nothing.
 */
final class EmbeddedCredential {

    static final String USER = "tocsin";
    /** PLAIN credentials are checked by an external source in MongoDB's terms. */
    static final String SOURCE = "$external";

    /**
     * A shared secret from a file: long enough not to be guessed, and only characters a URI carries as they
     * are, so the backends can put it in {@code spring.mongodb.uri} without escaping.
     */
    private static final Pattern SHARED_SECRET = Pattern.compile("[A-Za-z0-9._~-]{32,256}");

    private static final Set<PosixFilePermission> OTHERS = Set.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final String secret;

    private EmbeddedCredential(String secret) {
        this.secret = secret;
    }

    static EmbeddedCredential random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return new EmbeddedCredential(HexFormat.of().formatHex(bytes));
    }

    /**
     * The database-only server's secret ({@code tocsin.database.secret-file}), which its backends present as
     * the password of user {@value #USER}. The file must be its owner's alone (0600 or stricter): a secret
     * other local accounts can read protects nothing.
     */
    static EmbeddedCredential fromFile(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException("tocsin.database.secret-file: no regular file at " + file);
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                if (permissions.stream().anyMatch(OTHERS::contains)) {
                    throw new IllegalStateException("tocsin.database.secret-file: " + file
                            + " can be read by other accounts; make it its owner's alone (chmod 600)");
                }
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!SHARED_SECRET.matcher(secret).matches()) {
                throw new IllegalStateException("tocsin.database.secret-file: the secret must be 32 to 256 characters"
                        + " of A-Z, a-z, 0-9 and ._~- (e.g. openssl rand -hex 32)");
            }
            return new EmbeddedCredential(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("tocsin.database.secret-file: cannot read " + file, e);
        }
    }

    MongoCredential credential() {
        return MongoCredential.createPlainCredential(USER, SOURCE, secret.toCharArray());
    }

    /**
     * Whether a SASL PLAIN message ({@code [authzid] NUL authcid NUL passwd}, RFC 4616) names this user
     * and secret; compared in constant time.
     */
    boolean accepts(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        int first = text.indexOf('\0');
        int second = first < 0 ? -1 : text.indexOf('\0', first + 1);
        if (second < 0) {
            return false;
        }
        String authzid = text.substring(0, first);
        String user = text.substring(first + 1, second);
        byte[] given = text.substring(second + 1).getBytes(StandardCharsets.UTF_8);
        boolean secretMatches = MessageDigest.isEqual(given, secret.getBytes(StandardCharsets.UTF_8));
        return secretMatches && USER.equals(user) && (authzid.isEmpty() || USER.equals(authzid));
    }
}
