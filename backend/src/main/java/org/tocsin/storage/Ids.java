package org.tocsin.storage;

import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * New document ids: 128 bits from a CSPRNG, base64url without padding (22 characters). Ids appear in
 * public answers and links, and an UNLISTED event is reached by its id alone, so knowing some ids
 * must not let anyone derive others; MongoDB ObjectIds (a timestamp, a per-process constant and a
 * shared counter) did: scanning the ids near a public one found an UNLISTED event in seconds.
 * Random ids still need no coordination between replicas (a collision is a 2^-64 event after 2^32 ids).
 * Documents stored before carry 24-hex-digit ObjectId ids ({@link #isLegacy}); they keep them.
 */
public final class Ids {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern RANDOM_ID = Pattern.compile("^[A-Za-z0-9_-]{22}$");
    private static final Pattern LEGACY_ID = Pattern.compile("^[0-9a-f]{24}$");
    private static final Supplier<String> CSPRNG = Ids::random;

    private static volatile Supplier<String> source = CSPRNG;

    private Ids() {}

    public static String newId() {
        return source.get();
    }

    /** Six random lower-case letters and digits, to make a taken URL name unique ("berlin-vigils-k3x9qa"). */
    public static String newSlugSuffix() {
        // From an id, not from the CSPRNG directly, so that a test's replaced source covers slugs as well.
        String letters = newId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return letters.length() >= 6 ? letters.substring(0, 6) : newSlugSuffix();
    }

    /** Whether {@code id} could name a document at all: anything else is not found without asking the database. */
    public static boolean isWellFormed(String id) {
        return id != null
                && (RANDOM_ID.matcher(id).matches() || LEGACY_ID.matcher(id).matches());
    }

    /** An ObjectId made before ids were random: derivable from its neighbours, so it grants nothing by being known. */
    public static boolean isLegacy(String id) {
        return id != null && LEGACY_ID.matcher(id).matches();
    }

    /**
     * Replaces where ids come from until the returned handle is closed, for a test that must build
     * the same data twice (one application context at a time: the source is one per JVM).
     */
    public static Replacement replaceSourceForTest(Supplier<String> replacement) {
        Objects.requireNonNull(replacement);
        source = replacement;
        return () -> source = CSPRNG;
    }

    /** Puts the CSPRNG back. */
    public interface Replacement extends AutoCloseable {
        @Override
        void close();
    }

    private static String random() {
        return BASE64URL.encodeToString(Randomness.bytes(16));
    }
}
