package org.tocsin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * Unique indexes' B-trees in existing files are ordered by H2's {@link ObjectDataType}: the faster search must
 * order and find keys exactly as it does, or it would miss keys stored before (and let duplicates in).
 */
class IndexKeyTypeTest {

    private final Random random = new Random(16);

    @Test
    void ordersAndFindsKeysExactlyAsH2sDefault() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            keys.add(key());
        }
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyType fast = new IndexKeyType();
        for (int round = 0; round < 2; round++) { // the second round with the serialisations remembered
            for (KeyValue a : keys) {
                for (int j = 0; j < 20; j++) {
                    KeyValue b = keys.get(random.nextInt(keys.size()));
                    assertThat(Integer.signum(fast.compare(a, b)))
                            .as("%s vs %s", a, b)
                            .isEqualTo(Integer.signum(h2.compare(a, b)));
                }
            }
        }

        Object[] sorted = keys.stream().distinct().sorted(h2).toArray();
        for (KeyValue probe : keys) {
            KeyValue copy = new KeyValue(new ArrayList<>(toList(probe)));
            for (int guess : new int[] {0, 7, sorted.length}) {
                assertThat(fast.binarySearch(copy, sorted, sorted.length, guess))
                        .isEqualTo(h2.binarySearch(copy, sorted, sorted.length, guess));
            }
        }
        for (int i = 0; i < 200; i++) {
            KeyValue absent = key();
            assertThat(fast.binarySearch(absent, sorted, sorted.length, 0))
                    .isEqualTo(h2.binarySearch(absent, sorted, sorted.length, 0));
        }
    }

    @Test
    void writesKeysByteForByteAsH2sDefault() {
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyType fast = new IndexKeyType();
        for (int i = 0; i < 300; i++) {
            KeyValue key = key();
            fast.compare(key, key()); // remembered, for some
            WriteBuffer expected = new WriteBuffer();
            h2.write(expected, key);
            WriteBuffer actual = new WriteBuffer();
            fast.write(actual, key);
            assertThat(actual.getBuffer().flip()).isEqualTo(expected.getBuffer().flip());
            assertThat(fast.read(actual.getBuffer())).isEqualTo(key);
            ByteBuffer written = expected.getBuffer(); // as H2 wrote it, flipped above
            assertThat(fast.read(written.duplicate())).isEqualTo(h2.read(written.duplicate()));
        }
    }

    private KeyValue key() {
        return switch (random.nextInt(9)) {
            case 0 -> new KeyValue(text());
            case 1 -> new KeyValue(random.nextInt(2000) - 1000);
            case 2 -> new KeyValue(random.nextLong());
            case 3 -> new KeyValue(text(), random.nextInt(5));
            case 4 -> new KeyValue(new ObjectId());
            case 5 -> new KeyValue(new Document("b", random.nextInt(3)).append("a", text()));
            default -> new KeyValue(ascii()); // an id, a slug, an email: serialised without Java serialisation
        };
    }

    /** Characters 1-127, of lengths on both sides of a length byte's sign bit and of its second byte. */
    private String ascii() {
        int[] lengths = {0, 1, 22, 24, 127, 128, 129, 255, 256, 300};
        int length = random.nextBoolean() ? random.nextInt(30) : lengths[random.nextInt(lengths.length)];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? (char) (1 + random.nextInt(127)) : (char) ('a' + random.nextInt(3)));
        }
        return text.toString();
    }

    private String text() {
        String letters = "abcxyzتجمع\u0000é😀";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(random.nextBoolean() ? 4 : 30);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(letters.codePointAt(
                    letters.offsetByCodePoints(0, random.nextInt(letters.codePointCount(0, letters.length())))));
        }
        return text.toString();
    }

    private static List<Object> toList(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(values::add);
        return values;
    }
}
