package org.tocsin.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The Java serialisation of a unique index's most common key, one ASCII string (an {@code _id}, a slug, an email),
 * made without an {@code ObjectOutputStream}, byte for byte what {@link ObjectDataType} writes, and read back
 * without an {@code ObjectInputStream}.
 *
 * <p>Why: H2 writes a changed B-tree leaf whole at each commit, so one insert serialises the ~48 keys of its leaf
 * of the {@code _id} index again, and a leaf read from the file deserialises all of them: a fifth of the bulk
 * import's CPU went to serialising such keys (docs/bulk-import.md). Such a key's serialisation is a constant
 * prefix (the class descriptors of {@code KeyValue} and its {@code ArrayList}), the string as a {@code TC_STRING}
 * (two bytes of length, then its modified UTF-8, which for the characters 1-127 is one byte each), and a constant
 * suffix. Both are taken at start from a real serialisation of a key of known text, so they are what this JVM's
 * serialisation writes.
 */
final class AsciiKeySerialisation {

    private static final byte TC_STRING = 0x74;
    private static final int MAX_LENGTH = 0xFFFF; // longer strings are a TC_LONGSTRING
    private static final String SAMPLE = "tocsin-ascii-key-sample";

    private static final byte[] PREFIX;
    private static final byte[] SUFFIX;

    static {
        byte[] whole = ObjectDataType.serialize(new KeyValue(SAMPLE));
        byte[] string = new byte[3 + SAMPLE.length()];
        string[0] = TC_STRING;
        string[2] = (byte) SAMPLE.length();
        System.arraycopy(SAMPLE.getBytes(StandardCharsets.US_ASCII), 0, string, 3, SAMPLE.length());
        int at = indexOf(whole, string);
        if (at < 0 || indexOf(Arrays.copyOfRange(whole, at + 1, whole.length), string) >= 0) {
            throw new IllegalStateException("Unexpected serialisation of a KeyValue: " + Arrays.toString(whole));
        }
        PREFIX = Arrays.copyOfRange(whole, 0, at);
        SUFFIX = Arrays.copyOfRange(whole, at + string.length, whole.length);
    }

    private AsciiKeySerialisation() {}

    /** The key's one value, when it is a string of the characters 1-127 this class serialises; else null. */
    static String asciiValue(KeyValue key) {
        return key.size() == 1 && key.get(0) instanceof String text && isAscii(text) ? text : null;
    }

    /** What {@code ObjectDataType.serialize(new KeyValue(text))} gives, for a text {@link #asciiValue} accepts. */
    static byte[] serialise(String text) {
        byte[] bytes = new byte[PREFIX.length + 3 + text.length() + SUFFIX.length];
        System.arraycopy(PREFIX, 0, bytes, 0, PREFIX.length);
        int at = PREFIX.length;
        bytes[at] = TC_STRING;
        bytes[at + 1] = (byte) (text.length() >>> 8);
        bytes[at + 2] = (byte) text.length();
        text.getBytes(0, text.length(), bytes, at + 3); // ASCII: one byte per character, as modified UTF-8
        System.arraycopy(SUFFIX, 0, bytes, at + 3 + text.length(), SUFFIX.length);
        return bytes;
    }

    /** The key these bytes serialise, when they are what {@link #serialise} makes; else null (deserialise them). */
    static KeyValue deserialise(byte[] bytes) {
        int at = PREFIX.length;
        if (bytes.length < at + 3 + SUFFIX.length || bytes[at] != TC_STRING) {
            return null;
        }
        int length = ((bytes[at + 1] & 0xFF) << 8) | (bytes[at + 2] & 0xFF);
        int end = at + 3 + length;
        if (end + SUFFIX.length != bytes.length
                || !Arrays.equals(bytes, 0, at, PREFIX, 0, at)
                || !Arrays.equals(bytes, end, bytes.length, SUFFIX, 0, SUFFIX.length)) {
            return null;
        }
        for (int i = at + 3; i < end; i++) {
            if (bytes[i] <= 0) {
                return null;
            }
        }
        return new KeyValue(new String(bytes, at + 3, length, StandardCharsets.US_ASCII));
    }

    /**
     * How {@code ObjectDataType} orders the serialisations of two such keys (unsigned bytes): after the same
     * prefix, by the two length bytes, then by the characters, which are their own bytes.
     */
    static int compare(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : Integer.signum(a.compareTo(b));
    }

    private static boolean isAscii(String text) {
        if (text.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
