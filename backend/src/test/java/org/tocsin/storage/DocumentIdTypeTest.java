package org.tocsin.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Documents kept with ObjectId ids stay findable while H2's background writer writes their pages. */
class DocumentIdTypeTest {

    @Test
    void objectIdsKeepTheOrderOfFilesWrittenBefore() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(new ObjectId());
            ids.add("event-" + i);
        }
        ObjectDataType before = new ObjectDataType();
        Comparator<Object> theirs = before::compare;
        Comparator<Object> ours = new DocumentIdType()::compare;
        assertThat(ids.stream().sorted(ours).toList())
                .isEqualTo(ids.stream().sorted(theirs).toList());
    }

    @Test
    void objectIdsCompareWhileAnotherThreadWritesOtherKeys() throws InterruptedException {
        assumeThat(failures(new ObjectDataType()))
                .as("H2's own type fails under this load (the storm reproduces the race here)")
                .isPositive();
        assertThat(failures(new DocumentIdType())).isZero();
    }

    /** Comparisons of two ObjectIds that threw, while another thread wrote strings and numbers with the same type. */
    private static int failures(ObjectDataType type) throws InterruptedException {
        ObjectId first = new ObjectId();
        ObjectId second = new ObjectId();
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            WriteBuffer out = new WriteBuffer();
            for (int i = 0; !done.get(); i++) {
                type.write(out, i % 2 == 0 ? (Object) ("k" + i) : (Object) i);
                out.clear();
            }
        });
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < 2_000_000 && failed.get() < 10; i++) {
            try {
                if (type.compare(first, second) >= 0) {
                    throw new AssertionError("two ObjectIds compared out of order");
                }
            } catch (UnsupportedOperationException e) {
                failed.incrementAndGet();
            }
        }
        done.set(true);
        writer.join();
        return failed.get();
    }
}
