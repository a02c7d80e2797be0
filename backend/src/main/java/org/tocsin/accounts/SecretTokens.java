package org.tocsin.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.tocsin.storage.Randomness;

/**
 * High-entropy capability tokens (sessions, API tokens, manage links, private feeds). Only their
 * SHA-256 is stored, so a leaked database does not hand out working tokens; a plain hash is
 * enough because the tokens carry 256 random bits, unlike passwords.
 */
public final class SecretTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SecretTokens() {}

    /** 256 random bits, URL-safe, with a short prefix that tells what the token is for (helps secret scanners). */
    public static String generate(String prefix) {
        return prefix + BASE64URL.encodeToString(Randomness.bytes(32));
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
