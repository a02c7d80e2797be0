package org.tocsin.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of a unique index's map (the server's {@link KeyValue}s), stored and ordered exactly as H2's default
 * {@link ObjectDataType} does, so existing files keep their B-trees, but searched for faster.
 *
 * <p>A {@code KeyValue} is not {@code Comparable}, so {@code ObjectDataType} orders two of them by their Java
 * serialisations, serialising both at every comparison: about fifteen comparisons to find one key among 20,000,
 * three searches per inserted document (two uniqueness checks, then the insert). Here the key searched for is
 * serialised once per search, and the serialisations of keys met often (those of the upper B-tree pages, met by
 * every search) are remembered, for keys whose values serialise alike whenever they are equal (strings and
 * whole numbers: an {@code _id}, a slug, an email); other keys are serialised at each comparison, as before.
 * Writing a page reuses them too, byte for byte what {@code ObjectDataType} writes. The commonest key, one ASCII
 * string, is serialised, deserialised and compared without Java serialisation at all ({@link
 * AsciiKeySerialisation}).
 */
final class IndexKeyType extends ObjectDataType {

    private static final int REMEMBERED = 4096;

    private final Map<KeyValue, byte[]> serialised = new LinkedHashMap<>(REMEMBERED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<KeyValue, byte[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** {@code ObjectDataType}'s tag of a Java-serialised value. */
    private static final byte SERIALIZED_OBJECT = 19;

    /** {@code ObjectDataType}'s running estimate of a serialised key's size in memory, from its first guess. */
    private volatile int averageSize = 10_000;

    /** As {@code ObjectDataType} writes a serialised object: its tag, its length, its bytes. */
    @Override
    public void write(WriteBuffer out, Object value) {
        if (!(value instanceof KeyValue key)) {
            super.write(out, value);
            return;
        }
        byte[] bytes = bytes(key);
        averageSize = (int) ((bytes.length * 2L + 15L * averageSize) / 16);
        out.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
    }

    /** As {@code ObjectDataType} reads what it wrote; a key of one ASCII string without an ObjectInputStream. */
    @Override
    public Object read(ByteBuffer in) {
        if (in.get(in.position()) != SERIALIZED_OBJECT) {
            return super.read(in);
        }
        in.get();
        byte[] bytes = new byte[DataUtils.readVarInt(in)];
        in.get(bytes);
        KeyValue key = AsciiKeySerialisation.deserialise(bytes);
        return key != null ? key : deserialize(bytes);
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof KeyValue ? averageSize : super.getMemory(value);
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second && a != b) {
            String firstText = AsciiKeySerialisation.asciiValue(first);
            return compare(first, firstText, firstText == null ? bytes(first) : null, second);
        }
        return super.compare(a, b);
    }

    /** {@code BasicDataType.binarySearch}, with the key searched for serialised once. */
    @Override
    public int binarySearch(Object key, Object storage, int size, int initialGuess) {
        if (!(key instanceof KeyValue searched)) {
            return super.binarySearch(key, storage, size, initialGuess);
        }
        Object[] keys = (Object[]) storage;
        String searchedText = AsciiKeySerialisation.asciiValue(searched);
        byte[] searchedBytes = searchedText == null ? bytes(searched) : null;
        int low = 0;
        int high = size - 1;
        int x = initialGuess - 1;
        if (x < 0 || x > high) {
            x = high >>> 1;
        }
        while (low <= high) {
            Object other = keys[x];
            int compare = other instanceof KeyValue stored
                    ? (stored == searched ? 0 : compare(searched, searchedText, searchedBytes, stored))
                    : super.compare(key, other);
            if (compare > 0) {
                low = x + 1;
            } else if (compare < 0) {
                high = x - 1;
            } else {
                return x;
            }
            x = (low + high) >>> 1;
        }
        return -(low + 1);
    }

    /** {@code searched} against {@code stored}, with what is known of it already: its ASCII text, else its bytes. */
    private int compare(KeyValue searched, String searchedText, byte[] searchedBytes, KeyValue stored) {
        if (searchedText == null) {
            return compareNotNull(searchedBytes, bytes(stored));
        }
        String storedText = AsciiKeySerialisation.asciiValue(stored);
        return storedText != null
                ? AsciiKeySerialisation.compare(searchedText, storedText)
                : compareNotNull(bytes(searched), bytes(stored));
    }

    private byte[] bytes(KeyValue key) {
        String text = AsciiKeySerialisation.asciiValue(key);
        if (text != null) {
            return AsciiKeySerialisation.serialise(text);
        }
        if (!rememberable(key)) {
            return serialize(key);
        }
        synchronized (serialised) {
            byte[] bytes = serialised.get(key);
            if (bytes == null) {
                bytes = serialize(key);
                serialised.put(key, bytes);
            }
            return bytes;
        }
    }

    /** Equal keys of these values have equal serialisations (a map's do not: its order is not part of equality). */
    private static boolean rememberable(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String || value instanceof Integer || value instanceof Long)) {
                return false;
            }
        }
        return true;
    }
}
