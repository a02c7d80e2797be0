package org.tocsin.events;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.tocsin.storage.PrivateFiles;

/**
 * What the event index learned of every stored event, as one file: {@link IndexedEvent}s, the delta-sync order
 * ({@link ChangeOrder}) and the due times ({@link DueTimes}). A start on the embedded database reads it instead of
 * every event document (at 100,000 events, 36 s of reading, expanding series and splitting words;
 * docs/discovery-benchmark.md). {@link IndexSnapshots} says when it may be trusted.
 *
 * <p>Plain fields in a fixed order, no Java serialisation: the file is data, never code. Every string is written
 * once and referred to by number afterwards: organizations, cities, tags and search terms repeat across events, and
 * the reader then shares one instance of each, as {@link IndexedEvent#of} does by interning.
 */
final class IndexSnapshotFile {

    /** Raised whenever what is written here changes: a file of another format is never read. */
    static final int FORMAT = 1;

    private static final long MAGIC = 0x546f_6373_696e_4958L; // "TocsinIX"

    /** Who wrote the file and when: {@code build} the application's build, {@code token} its pair in the database. */
    record Header(String build, String token, Instant takenAt) {}

    record Contents(
            Header header, List<IndexedEvent> events, List<ChangeOrder.Entry> changes, List<DueTimes.Entry> due) {}

    private IndexSnapshotFile() {}

    /** Writes {@code contents} to {@code file} whole or not at all (a temporary file, then one rename). */
    static void write(Path file, Contents contents) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        // Its words include hidden venues' and members-only events': the operator's alone, like the database.
        Files.deleteIfExists(partial);
        Files.createFile(partial, PrivateFiles.newFile(partial.getParent()));
        try (Writer out =
                new Writer(new SnapshotChannels.Output(FileChannel.open(partial, StandardOpenOption.WRITE)))) {
            out.header(contents.header());
            out.events(contents.events());
            out.data.writeInt(contents.changes().size());
            for (ChangeOrder.Entry c : contents.changes()) {
                out.string(c.id());
                out.data.writeLong(c.updatedAt());
                out.nullableLong(c.version());
                out.string(c.host());
                out.data.writeBoolean(c.listed());
            }
            out.data.writeInt(contents.due().size());
            for (DueTimes.Entry d : contents.due()) {
                out.string(d.id());
                out.nullableLong(d.version());
                out.instant(d.publishAt());
                out.instant(d.revealAt());
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Events handed on at a time by {@link #read(Path, Predicate, Consumer)}. */
    static final int BATCH = 8_192;

    /**
     * The file's contents if its header is {@code trusted}; empty without reading further otherwise. The events are
     * handed to {@code eventBatches} as they are read, up to {@link #BATCH} at a time, so they can be placed while
     * the rest is read; the contents returned hold no events. When reading fails after some batches were handed on,
     * those batches are as the file holds them.
     */
    static Optional<Contents> read(Path file, Predicate<Header> trusted, Consumer<List<IndexedEvent>> eventBatches)
            throws IOException {
        try (Reader in = new Reader(new SnapshotChannels.Input(FileChannel.open(file, StandardOpenOption.READ)))) {
            Header header = in.header();
            if (header == null || !trusted.test(header)) {
                return Optional.empty();
            }
            in.events(eventBatches);
            int changeCount = in.count();
            List<ChangeOrder.Entry> changes = new ArrayList<>(changeCount);
            for (int i = 0; i < changeCount; i++) {
                changes.add(new ChangeOrder.Entry(
                        in.string(), in.data.readLong(), in.nullableLong(), in.string(), in.data.readBoolean()));
            }
            int dueCount = in.count();
            List<DueTimes.Entry> due = new ArrayList<>(dueCount);
            for (int i = 0; i < dueCount; i++) {
                due.add(new DueTimes.Entry(in.string(), in.nullableLong(), in.instant(), in.instant()));
            }
            return Optional.of(new Contents(header, List.of(), changes, due));
        }
    }

    private static final class Writer implements AutoCloseable {
        final SnapshotChannels.Output data;
        private final Map<String, Integer> written = new HashMap<>();

        Writer(SnapshotChannels.Output data) {
            this.data = data;
        }

        void header(Header h) throws IOException {
            data.writeLong(MAGIC);
            data.writeInt(FORMAT);
            data.writeUTF(h.build());
            data.writeUTF(h.token());
            data.writeLong(h.takenAt().toEpochMilli());
        }

        void events(Collection<IndexedEvent> events) throws IOException {
            data.writeInt(events.size());
            for (IndexedEvent e : events) {
                string(e.id());
                string(e.organizationId());
                string(e.campaignId());
                strings(e.coHosts());
                string(name(e.kind()));
                string(name(e.status()));
                string(name(e.visibility()));
                string(name(e.locationVisibility()));
                strings(e.tags());
                strings(e.languages());
                strings(
                        e.accessibility() == null
                                ? null
                                : e.accessibility().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .toList());
                data.writeBoolean(e.placed());
                string(e.city());
                string(e.countryCode());
                string(e.cityKey());
                data.writeDouble(e.lat());
                data.writeDouble(e.lon());
                data.writeLong(e.startUtc());
                data.writeLong(e.lastEndUtc());
                data.writeLong(e.updatedAt());
                data.writeInt(e.sequence());
                nullableLong(e.version());
                strings(e.terms().visible());
                strings(e.terms().hidden());
                data.writeInt(e.occurrences().length);
                for (IndexedEvent.Key k : e.occurrences()) {
                    data.writeLong(k.startUtc);
                    data.writeLong(k.endUtc);
                    data.writeLong(k.recurrence);
                }
            }
        }

        /** 0 for null; n for the string written n-th before; -n for a new one, followed by its text. */
        void string(String s) throws IOException {
            if (s == null) {
                data.writeInt(0);
                return;
            }
            Integer known = written.get(s);
            if (known != null) {
                data.writeInt(known);
                return;
            }
            int number = written.size() + 1;
            written.put(s, number);
            data.writeInt(-number);
            data.writeUTF(s);
        }

        void strings(List<String> list) throws IOException {
            data.writeInt(list == null ? -1 : list.size());
            if (list != null) {
                for (String s : list) {
                    string(s);
                }
            }
        }

        void nullableLong(Long value) throws IOException {
            data.writeBoolean(value != null);
            if (value != null) {
                data.writeLong(value);
            }
        }

        void instant(Instant value) throws IOException {
            nullableLong(value == null ? null : value.toEpochMilli());
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }

        @Override
        public void close() throws IOException {
            data.close();
        }
    }

    private static final class Reader implements AutoCloseable {
        final SnapshotChannels.Input data;
        private final List<String> read = new ArrayList<>();

        Reader(SnapshotChannels.Input data) {
            this.data = data;
        }

        /** Null for a file that is not a snapshot of this format. */
        Header header() throws IOException {
            if (data.readLong() != MAGIC || data.readInt() != FORMAT) {
                return null;
            }
            return new Header(data.readUTF(), data.readUTF(), Instant.ofEpochMilli(data.readLong()));
        }

        void events(Consumer<List<IndexedEvent>> batches) throws IOException {
            int count = count();
            List<IndexedEvent> events = new ArrayList<>(Math.min(count, BATCH));
            for (int i = 0; i < count; i++) {
                if (events.size() == BATCH) {
                    batches.accept(events);
                    events = new ArrayList<>(Math.min(count - i, BATCH));
                }
                String id = string();
                String organizationId = string();
                String campaignId = string();
                List<String> coHosts = strings();
                EventKind kind = constant(EventKind.class);
                EventStatus status = constant(EventStatus.class);
                Visibility visibility = constant(Visibility.class);
                LocationVisibility locationVisibility = constant(LocationVisibility.class);
                List<String> tags = strings();
                List<String> languages = strings();
                List<String> accessibilityNames = strings();
                Set<AccessibilityFeature> accessibility = null;
                if (accessibilityNames != null) {
                    EnumSet<AccessibilityFeature> features = EnumSet.noneOf(AccessibilityFeature.class);
                    accessibilityNames.forEach(n -> features.add(AccessibilityFeature.valueOf(n)));
                    accessibility = Set.copyOf(features);
                }
                boolean placed = data.readBoolean();
                String city = string();
                String countryCode = string();
                String cityKey = string();
                double lat = data.readDouble();
                double lon = data.readDouble();
                long startUtc = data.readLong();
                long lastEndUtc = data.readLong();
                long updatedAt = data.readLong();
                int sequence = data.readInt();
                Long version = nullableLong();
                EventSearch.Terms terms = new EventSearch.Terms(strings(), strings());
                IndexedEvent.Key[] occurrences = new IndexedEvent.Key[count()];
                for (int o = 0; o < occurrences.length; o++) {
                    occurrences[o] = new IndexedEvent.Key(data.readLong(), data.readLong(), id, data.readLong());
                }
                events.add(new IndexedEvent(
                        id,
                        organizationId,
                        campaignId,
                        coHosts,
                        kind,
                        status,
                        visibility,
                        locationVisibility,
                        tags,
                        languages,
                        accessibility,
                        placed,
                        city,
                        countryCode,
                        cityKey,
                        lat,
                        lon,
                        startUtc,
                        lastEndUtc,
                        updatedAt,
                        sequence,
                        version,
                        terms,
                        occurrences));
            }
            if (!events.isEmpty()) {
                batches.accept(events);
            }
        }

        int count() throws IOException {
            int count = data.readInt();
            if (count < 0) {
                throw new IOException("a negative count in the index snapshot");
            }
            return count;
        }

        String string() throws IOException {
            int n = data.readInt();
            if (n == 0) {
                return null;
            }
            if (n > 0) {
                return read.get(n - 1);
            }
            String s = data.readUTF();
            read.add(s);
            return s;
        }

        /** A list as {@link IndexedEvent#of} makes them: null, {@code List.of()}, or an unmodifiable copy. */
        List<String> strings() throws IOException {
            int size = data.readInt();
            if (size < 0) {
                return null;
            }
            String[] items = new String[size];
            for (int i = 0; i < size; i++) {
                items[i] = string();
            }
            return List.of(items);
        }

        <E extends Enum<E>> E constant(Class<E> type) throws IOException {
            String name = string();
            return name == null ? null : Enum.valueOf(type, name);
        }

        Long nullableLong() throws IOException {
            return data.readBoolean() ? data.readLong() : null;
        }

        Instant instant() throws IOException {
            Long millis = nullableLong();
            return millis == null ? null : Instant.ofEpochMilli(millis);
        }

        @Override
        public void close() throws IOException {
            data.close();
        }
    }
}
