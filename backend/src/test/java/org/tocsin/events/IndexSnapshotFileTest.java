package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.events.internal.EventDocument;

/**
 * The snapshot file gives back every field of every indexed event as it was written, the odd ones too (co-hosts,
 * a series without end, hidden venues' words, absent versions and due times), and a file its reader does not
 * trust is not read further.
 */
class IndexSnapshotFileTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyFieldComesBackAsWritten() throws Exception {
        List<IndexedEvent> events = new ArrayList<>(IntStream.range(0, 400)
                .mapToObj(i -> indexed(GeneratedEvents.nth(i, NOW)))
                .toList());
        EventDocument generated = GeneratedEvents.nth(400, NOW);
        EventDocument odd = generated.toBuilder()
                .campaignId("campaign-1")
                .coHosts(List.of("org-x", "org-y"))
                .utcSpan(generated.startUtc(), generated.endUtc(), null)
                .build();
        events.add(indexed(odd));
        List<ChangeOrder.Entry> changes = List.of(
                new ChangeOrder.Entry("a", 1L, 3L, "org-1", true),
                new ChangeOrder.Entry("b", 2L, null, "org-2", false));
        List<DueTimes.Entry> due = List.of(
                new DueTimes.Entry("c", 4L, NOW.plusSeconds(60), null), new DueTimes.Entry("d", null, null, NOW));
        IndexSnapshotFile.Header header = new IndexSnapshotFile.Header("build-1", "token-1", NOW);
        Path file = dir.resolve("snapshot");

        IndexSnapshotFile.write(file, new IndexSnapshotFile.Contents(header, events, changes, due));
        List<IndexedEvent> readEvents = new ArrayList<>();
        IndexSnapshotFile.Contents read =
                IndexSnapshotFile.read(file, h -> true, readEvents::addAll).orElseThrow();

        assertThat(read.header()).isEqualTo(header);
        assertThat(readEvents).hasSameSizeAs(events);
        for (int i = 0; i < events.size(); i++) {
            assertThat(fields(readEvents.get(i))).as(events.get(i).id()).isEqualTo(fields(events.get(i)));
        }
        assertThat(events)
                .anyMatch(e -> e.occurrences().length > 1)
                .anyMatch(e -> e.lastEndUtc() == Long.MAX_VALUE)
                .anyMatch(e -> e.visibility() != Visibility.PUBLIC)
                .anyMatch(e -> !e.terms().hidden().isEmpty());
        assertThat(read.changes()).isEqualTo(changes);
        assertThat(read.due()).isEqualTo(due);
        assertThat(dir).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void eventsAreHandedOnInBatchesAsTheyAreRead() throws Exception {
        int count = 2 * IndexSnapshotFile.BATCH + 1;
        List<IndexedEvent> events = IntStream.range(0, count)
                .mapToObj(i -> indexed(GeneratedEvents.nth(i, NOW)))
                .toList();
        Path file = dir.resolve("snapshot");
        IndexSnapshotFile.Header header = new IndexSnapshotFile.Header("build-1", "token-1", NOW);
        IndexSnapshotFile.write(file, new IndexSnapshotFile.Contents(header, events, List.of(), List.of()));

        List<List<IndexedEvent>> batches = new ArrayList<>();
        IndexSnapshotFile.Contents read =
                IndexSnapshotFile.read(file, h -> true, batches::add).orElseThrow();

        assertThat(batches).extracting(List::size).containsExactly(IndexSnapshotFile.BATCH, IndexSnapshotFile.BATCH, 1);
        assertThat(batches.stream().flatMap(List::stream).map(IndexedEvent::id))
                .containsExactlyElementsOf(events.stream().map(IndexedEvent::id).toList());
        assertThat(read.events()).isEmpty();
    }

    @Test
    void aFileItsReaderDoesNotTrustIsNotReadFurther() throws Exception {
        Path file = dir.resolve("snapshot");
        IndexSnapshotFile.Header header = new IndexSnapshotFile.Header("build-1", "token-1", NOW);
        IndexSnapshotFile.write(
                file,
                new IndexSnapshotFile.Contents(
                        header, List.of(indexed(GeneratedEvents.nth(0, NOW))), List.of(), List.of()));

        List<List<IndexedEvent>> batches = new ArrayList<>();
        assertThat(IndexSnapshotFile.read(file, h -> h.build().equals("build-2"), batches::add))
                .isEmpty();
        Files.write(file, "not a snapshot at all".getBytes());
        assertThat(IndexSnapshotFile.read(file, h -> true, batches::add)).isEmpty();
        assertThat(batches).as("no event handed on from a file not trusted").isEmpty();
    }

    private static IndexedEvent indexed(EventDocument event) {
        EventSchedule schedule = EventSchedule.of(event);
        List<Occurrence> occurrences = schedule.isSeries()
                ? schedule.between(
                        NOW.minus(EventIndex.BEHIND), NOW.plus(Duration.ofDays(732)), EventSchedule.MAX_OCCURRENCES)
                : List.of(new Occurrence(null, null, null, event.startUtc(), event.endUtc(), false, false));
        return IndexedEvent.of(event, occurrences);
    }

    /** Every component of the record, the occurrences as their numbers (keys compare as timeline positions only). */
    private static List<Object> fields(IndexedEvent event) throws Exception {
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : IndexedEvent.class.getRecordComponents()) {
            Object value = component.getAccessor().invoke(event);
            values.add(
                    value instanceof IndexedEvent.Key[] keys
                            ? Arrays.stream(keys)
                                    .map(k -> List.of(k.startUtc, k.endUtc, k.eventId, k.recurrence))
                                    .toList()
                            : value instanceof Double d ? d.toString() : value);
        }
        return values;
    }
}
