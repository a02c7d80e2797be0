package org.tocsin.storage;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.AttributeKey;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.MVStore;

/**
 * The embedded database's insert alone, in the file format of mongo-java-server's plain H2 backend ("old":
 * Java-serialised documents and index keys) and in Tocsin's ("new": BSON documents, faster index search;
 * docs/bulk-import.md). Each round inserts N event-like documents into a fresh store in batches of 500
 * (one commit per batch, as DurableH2Backend commits each command), then reopens it and reads every document.
 * Not part of the build; run against the compiled backend:
 *
 * <pre>
 * ./mvnw -B -q -o -pl backend test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * javac -d /tmp/store-bench -cp "backend/target/classes:$(cat /tmp/cp.txt)" bench/store-bench/StoreBench.java
 * java -cp "/tmp/store-bench:backend/target/classes:$(cat /tmp/cp.txt)" org.tocsin.storage.StoreBench 20000 old,new 3
 * </pre>
 */
public class StoreBench {
    static final EmbeddedChannel CLIENT = new EmbeddedChannel();
    static { CLIENT.attr(AttributeKey.<Boolean>valueOf("tocsin.authenticated")).set(Boolean.TRUE); }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String[] modes = args[1].split(",");
        int rounds = Integer.parseInt(args[2]);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < rounds; r++) for (String mode : modes) {
            Path dir = Files.createTempDirectory("sf-store");
            Path file = dir.resolve("tocsin.mv.db");
            MVStore store = new MVStore.Builder().fileName(file.toString()).compress().open();
            H2Backend backend = mode.equals("old") ? new H2Backend(store) : new DurableH2Backend(store, EmbeddedCredential.random());
            Random random = new Random(1);
            long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            for (int i = 0; i < n; i += 500) {
                List<Document> batch = new ArrayList<>();
                for (int j = i; j < i + 500 && j < n; j++) batch.add(event(random, j));
                Document answer = backend.handleCommand(CLIENT, "tocsin", "insert", new Document("insert", "events").append("documents", batch));
                if (answer.get("writeErrors") != null) throw new IllegalStateException(answer.toString());
                if (mode.equals("old")) store.commit();
            }
            long cpu = os.getProcessCpuTime() - cpu0, wall = System.nanoTime() - t0;
            // read back all once (a restart's scan)
            backend.close();
            long c1 = os.getProcessCpuTime(), t1 = System.nanoTime();
            MVStore again = new MVStore.Builder().fileName(file.toString()).compress().open();
            H2Backend reopened = mode.equals("old") ? new H2Backend(again) : new DurableH2Backend(again, EmbeddedCredential.random());
            Document count = reopened.handleCommand(CLIENT, "tocsin", "find", new Document("find", "events").append("filter", new Document("nope", 1)));
            long readCpu = os.getProcessCpuTime() - c1, readWall = System.nanoTime() - t1;
            long size = Files.size(file);
            reopened.close();
            System.out.printf("%s round %d: insert %d docs: wall %.1f s, cpu %.1f s -> %.0f docs/s wall, %.0f docs per CPU-second; full scan after reopen: wall %.2f s cpu %.2f s; file %.1f MB%n",
                mode, r, n, wall / 1e9, cpu / 1e9, n / (wall / 1e9), n / (cpu / 1e9), readWall / 1e9, readCpu / 1e9, size / 1e6);
            try (var s = Files.walk(dir)) { s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
        }
    }

    static Document event(Random random, int i) {
        byte[] id = new byte[16]; random.nextBytes(id);
        String eventId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Instant start = Instant.ofEpochSecond(1_764_000_000L + random.nextInt(365 * 86400));
        List<Document> occurrences = new ArrayList<>();
        for (int k = 0; k < (i % 20 == 0 ? 6 : 1); k++) occurrences.add(new Document("start", start.plusSeconds(k * 604800L)).append("end", start.plusSeconds(k * 604800L + 7200)));
        return new Document("_id", eventId)
            .append("organization", "org-" + (i % 3))
            .append("title", (i % 5 == 0 ? "تجمع اعتراضی " : "Vigil for climate justice ") + i)
            .append("description", "Bring candles and signs. We meet at the square and walk together to the parliament. ".repeat(3))
            .append("descriptionHtml", "<p>Bring candles and signs. We meet at the square and walk together to the parliament.</p>".repeat(3))
            .append("status", "SCHEDULED").append("visibility", i % 4 == 0 ? "UNLISTED" : "PUBLIC")
            .append("city", new Document("name", "City " + (i % 55)).append("country", "DE").append("location", new Document("type", "Point").append("coordinates", List.of(13.4 + i % 7, 52.5))))
            .append("start", start).append("end", start.plusSeconds(7200)).append("timeZone", "Europe/Berlin")
            .append("occurrences", occurrences)
            .append("searchTerms", List.of("vigil", "climate", "justice", "city" + (i % 55), "candles"))
            .append("sequence", 0).append("createdAt", Instant.now()).append("updatedAt", Instant.now())
            .append("capacity", 200L).append("rsvpCount", 0);
    }
}
