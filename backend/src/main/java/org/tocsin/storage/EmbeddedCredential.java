package org.tocsin.storage;

import com.mongodb.MongoCredential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

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

    private final String secret;

    private EmbeddedCredential(String secret) {
        this.secret = secret;
    }

    static EmbeddedCredential random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return new EmbeddedCredential(HexFormat.of().formatHex(bytes));
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
