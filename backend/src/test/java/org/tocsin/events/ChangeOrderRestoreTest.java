package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A start from the snapshot files the delta-sync order in one go, from entries in any order: it must then page as
 * the order it was taken from did, and write its entries back in its own order (what a restore puts back fastest).
 */
class ChangeOrderRestoreTest {

    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    @Test
    void entriesRestoredInAnyOrderPageAsTheOrderTheyCameFrom() {
        List<ChangeOrder.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // Few distinct times, so ids decide between many of them.
            entries.add(new ChangeOrder.Entry(
                    "e" + (i * 7919 % 1000), 1_700_000_000_000L + i % 13, (long) i, "org" + i % 3, i % 4 != 0));
        }
        ChangeOrder inOrder = new ChangeOrder();
        inOrder.restoreAll(entries);
        List<ChangeOrder.Entry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(7));
        ChangeOrder restored = new ChangeOrder();

        restored.restoreAll(shuffled);

        for (Set<String> memberOf : List.of(Set.<String>of(), Set.of("org1"), Set.of("org0", "org2"))) {
            List<String> all = inOrder.after(Instant.EPOCH, "", FAR, memberOf, 1_000);
            assertThat(restored.after(Instant.EPOCH, "", FAR, memberOf, 1_000)).isEqualTo(all);
            assertThat(all).hasSize(memberOf.isEmpty() ? 375 : memberOf.size() == 1 ? 417 : 458);
        }
        List<ChangeOrder.Entry> written = restored.entries();
        assertThat(written)
                .containsExactlyInAnyOrderElementsOf(entries)
                .isSortedAccordingTo(ChangeOrder.Entry.IN_ORDER);
        assertThat(written.stream().map(ChangeOrder.Entry::id).toList())
                .isEqualTo(inOrder.after(Instant.EPOCH, "", FAR, Set.of("org0", "org1", "org2"), 1_000));
    }
}
