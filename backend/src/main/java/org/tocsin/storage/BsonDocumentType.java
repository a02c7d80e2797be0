package org.tocsin.storage;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a collection's documents are stored in the H2 file: as BSON, the server's own wire encoding, instead of
 * H2's default, Java serialisation. Serialising was most of the embedded database's cost (every commit writes
 * each changed B-tree leaf page whole, and a page read from the file is deserialised whole): an
 * {@code ObjectOutputStream} per document, class descriptors and all (docs/bulk-import.md).
 *
 * <p>Files written before keep working: a BSON document is written after {@link #MARKER}, a first byte H2's
 * {@link ObjectDataType} never writes (its tags are 0-19, 32-49 and 64-119), and anything else is read by an
 * {@code ObjectDataType}, as it was written. An old document is written as BSON when its page is next written.
 * A document holding a value BSON would not give back as it was (a {@code Set}, a {@code Missing}, a map that is
 * not a {@link Document}) is still written the old way, so what is read is always what was stored.
 *
 * <p>An older Tocsin cannot read a file once documents are stored this way (it fails on the first such
 * document): going back needs the backup taken before the upgrade.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    /** Never the first byte of an {@link ObjectDataType} value (its tags are all between 0 and 119). */
    static final byte MARKER = (byte) 0xB5;

    /** The leaf values BSON gives back equal and of the same class. */
    private static final Set<Class<?>> EXACT = Set.of(
            String.class,
            Integer.class,
            Long.class,
            Double.class,
            Boolean.class,
            Instant.class,
            ObjectId.class,
            BinData.class,
            Decimal128.class,
            UUID.class,
            LegacyUUID.class,
            BsonTimestamp.class,
            BsonRegularExpression.class,
            BsonJavaScript.class,
            MaxKey.class,
            MinKey.class);

    /** Bigger buffers are not kept for the next document (a 16 MB document should not stay in memory). */
    private static final int KEPT_CAPACITY = 1 << 20;

    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    /** Documents written before, and those BSON would change; H2's own type, as the server opened maps. */
    private final ObjectDataType legacy = new ObjectDataType();

    /** A running estimate of a document's size in memory, as {@code ObjectDataType} keeps one, for H2's cache. */
    private volatile int averageSize = 1024;

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize : legacy.getMemory(value);
    }

    @Override
    public void write(WriteBuffer out, Object value) {
        if (!(value instanceof Document document) || !exact(document)) {
            legacy.write(out, value);
            return;
        }
        ByteBuf bson = BUFFER.get();
        bson.clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            // Objects in memory take about twice their encoded size (the estimate ObjectDataType makes).
            averageSize = (int) ((length * 2L + 15L * averageSize) / 16);
            out.put(MARKER);
            out.put(bson.array(), bson.arrayOffset(), length);
        } finally {
            if (bson.capacity() > KEPT_CAPACITY) {
                BUFFER.remove();
            }
        }
    }

    @Override
    public Object read(ByteBuffer in) {
        if (in.get(in.position()) != MARKER) {
            return legacy.read(in);
        }
        int start = in.position() + 1;
        int length = Integer.reverseBytes(in.getInt(start)); // BSON lengths are little-endian
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(in.slice(start, length)));
        in.position(start + length);
        return document;
    }

    /** Only for maps that compare values ({@code replace(key, old, new)}); H2's comparison, as before. */
    @Override
    public int compare(Object a, Object b) {
        return legacy.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /** Whether BSON gives {@code value} back equal, with the same classes (lists as {@code ArrayList}s). */
    static boolean exact(Object value) {
        // Checked for every document of every page written: the commonest values first, the set look-up last.
        if (value == null
                || value instanceof String
                || value instanceof Instant
                || value instanceof Integer
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Double) {
            return true;
        }
        if (value instanceof Document document) {
            for (Map.Entry<String, Object> field : document.entrySet()) {
                // A name is a C string in BSON; the wire cannot carry a NUL in one, but keep such a name intact.
                if (field.getKey().indexOf('\0') >= 0 || !exact(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!exact(element)) {
                    return false;
                }
            }
            return true;
        }
        return EXACT.contains(value.getClass());
    }
}
