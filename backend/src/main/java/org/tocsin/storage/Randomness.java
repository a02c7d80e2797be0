package org.tocsin.storage;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The one CSPRNG behind ids and secret tokens: a DRBG, seeded once at class initialisation (one read of
 * the OS entropy source, a blocking read that {@link IdSeeding} makes happen on the start-up thread),
 * then generating in-process, so that no request thread ever reads a device file.
 */
public final class Randomness {

    private static final SecureRandom DRBG = drbg();

    private Randomness() {}

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        DRBG.nextBytes(bytes);
        return bytes;
    }

    private static SecureRandom drbg() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextBytes(new byte[32]);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is part of every JDK since 9", e);
        }
    }
}
