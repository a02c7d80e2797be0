package org.tocsin.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * High-entropy capability tokens (sessions, API tokens, manage links, private feeds). Only their
 * SHA-256 is stored, so a leaked database does not hand out working tokens; a plain hash is
 * enough because the tokens carry 256 random bits, unlike passwords.
 */
public final class SecretTokens {

    /**
     * DRBG generates in-process once seeded; seeding (a read of the OS entropy source) happens here,
     * at class initialisation, so that no request thread ever reads a device file.
     */
    private static final SecureRandom RANDOM = drbg();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SecretTokens() {
    }

    /** 256 random bits, URL-safe, with a short prefix that tells what the token is for (helps secret scanners). */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + BASE64URL.encodeToString(bytes);
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

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
