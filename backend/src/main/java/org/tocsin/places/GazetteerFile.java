package org.tocsin.places;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tocsin.places.Gazetteer.City;

/**
 * The gazetteer's tables in the form start-up reads: the arrays as they lie in memory, big-endian, read with bulk
 * copies. Written by the backend's build ({@code process-classes}, see backend/pom.xml) from {@code reduce.mjs}'
 * table, into {@code org/tocsin/places/gazetteer.bin} on the class path.
 *
 * <p>Layout: magic, edition, city count; per city its key, name, Persian name (absent: length -1), country,
 * zone (each a length and UTF-8 bytes), latitude, longitude, population; then the name hashes, their cities,
 * and the prefix index's key bytes, key starts and ranks (each a length and the values).
 */
final class GazetteerFile {

    static final String RESOURCE = "/org/tocsin/places/gazetteer.bin";
    private static final int MAGIC = 0x545A4731; // "TZG1": a changed layout changes the number

    private GazetteerFile() {}

    /** Build time: {@code reduce.mjs}' table ({@code args[0]}, .tsv.gz) to this form ({@code args[1]}). */
    public static void main(String[] args) throws IOException {
        GazetteerTables tables;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            tables = GazetteerTables.fromRows(GazetteerTables.readRows(in));
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out)) {
            write(tables, file);
        }
        System.out.printf(
                "gazetteer: %d cities, %d names, %d prefix keys in %s (%d KB)%n",
                tables.cities().length,
                tables.hashes().length,
                tables.prefixes().size(),
                out.getFileName(),
                Files.size(out) / 1024);
    }

    static void write(GazetteerTables tables, OutputStream to) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(to, 1 << 16));
        out.writeInt(MAGIC);
        writeString(out, tables.edition());
        out.writeInt(tables.cities().length);
        for (City c : tables.cities()) {
            writeString(out, c.key());
            writeString(out, c.name());
            writeString(out, c.nameFa());
            writeString(out, c.countryCode());
            writeString(out, c.timeZone());
            out.writeDouble(c.lat());
            out.writeDouble(c.lon());
            out.writeInt(c.population());
        }
        out.writeInt(tables.hashes().length);
        for (long h : tables.hashes()) {
            out.writeLong(h);
        }
        writeInts(out, tables.targets());
        CityPrefixes prefixes = tables.prefixes();
        out.writeInt(prefixes.keyBytes().length);
        out.write(prefixes.keyBytes());
        writeInts(out, prefixes.keyStarts());
        writeInts(out, prefixes.ranks());
        out.flush();
    }

    /** The tables as {@link #write} left them; a file of another layout or length is refused, never half-read. */
    static GazetteerTables read(InputStream in) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(in.readAllBytes());
        if (b.remaining() < Integer.BYTES || b.getInt() != MAGIC) {
            throw new IOException("not a gazetteer file of this build's layout");
        }
        String edition = readString(b);
        City[] cities = new City[b.getInt()];
        // Countries and zones repeat across cities: keep one string of each.
        Map<String, String> shared = new HashMap<>();
        for (int i = 0; i < cities.length; i++) {
            cities[i] = new City(
                    readString(b),
                    readString(b),
                    readString(b),
                    shared.computeIfAbsent(readString(b), s -> s),
                    shared.computeIfAbsent(readString(b), s -> s),
                    b.getDouble(),
                    b.getDouble(),
                    b.getInt());
        }
        long[] hashes = new long[b.getInt()];
        b.asLongBuffer().get(hashes);
        b.position(b.position() + hashes.length * Long.BYTES);
        int[] targets = readInts(b);
        byte[] keyBytes = new byte[b.getInt()];
        b.get(keyBytes);
        CityPrefixes prefixes = new CityPrefixes(keyBytes, readInts(b), readInts(b), cities.length);
        if (b.hasRemaining()) {
            throw new IOException("the gazetteer file has " + b.remaining() + " bytes past its tables");
        }
        return new GazetteerTables(cities, hashes, targets, prefixes, edition);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(ByteBuffer b) {
        int length = b.getInt();
        if (length < 0) {
            return null;
        }
        String s = new String(b.array(), b.position(), length, StandardCharsets.UTF_8);
        b.position(b.position() + length);
        return s;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(ByteBuffer b) {
        int[] values = new int[b.getInt()];
        b.asIntBuffer().get(values);
        b.position(b.position() + values.length * Integer.BYTES);
        return values;
    }
}
