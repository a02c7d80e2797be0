package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, finding 4: one RRULE of under 500 characters made validation build 31.5 M date-times on
 * an event-loop thread. Every rule of the corpus ({@code recurrence-bombs.txt}) is posted as an
 * organizer would; each gets the status the corpus names (400 naming recurrence.rrule, or 201 when
 * it is actually cheap) within a second, and the heap after all of them is where it was.
 */
class RecurrenceBombTest extends IntegrationTest {

    private static final long SECOND_NANOS = 1_000_000_000L;
    /** Generous: other tests' garbage and caches move the heap too; the bomb alone took gigabytes. */
    private static final long HEAP_SLACK = 64L * 1024 * 1024;

    record Case(int status, String rrule) {}

    @Test
    void everyRuleOfTheCorpusIsAnsweredAtOnceWithoutGrowingTheHeap() throws IOException {
        List<Case> corpus = corpus();
        EventFixtures f = new EventFixtures(api());
        // Warm-up: the first request of a context pays for class loading and JIT, not for its rule.
        String first = post(f, "FREQ=WEEKLY;COUNT=2")
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
        long heapBefore = usedHeapAfterGc();
        Set<String> created = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (Case c : corpus) {
            long started = System.nanoTime();
            var result = post(f, c.rrule()).expectBody(JsonNode.class).returnResult();
            long took = System.nanoTime() - started;
            int status = result.getStatus().value();
            JsonNode body = result.getResponseBody();
            if (status != c.status()) {
                failures.add(c.status() + " expected, " + status + " got for " + c.rrule() + ": " + body);
            } else if (status == 400
                    && !"recurrence.rrule"
                            .equals(body.path("errors").path(0).path("field").asString())) {
                failures.add("400 not naming recurrence.rrule for " + c.rrule() + ": " + body);
            } else if (status == 400
                    && !String.valueOf(result.getResponseHeaders().getContentType())
                            .startsWith("application/problem+json")) {
                failures.add("400 not a problem for " + c.rrule());
            }
            if (took > SECOND_NANOS) {
                failures.add("took " + took / 1_000_000 + " ms: " + c.rrule());
            }
            if (status == 201) {
                created.add(body.get("id").asString());
            }
        }
        long heapAfter = usedHeapAfterGc();
        assertThat(failures).isEmpty();
        assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(HEAP_SLACK);

        // Nothing a 400 answered was stored: the organization holds exactly the events that were created.
        created.add(first);
        Set<String> stored = new HashSet<>();
        f.discoverAll(f.owner, "organization=" + f.organization + "&from=2027-04-30&to=2028-04-30", 200)
                .forEach(item -> stored.add(item.get("id").asString()));
        assertThat(stored).isEqualTo(created);
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(
            EventFixtures f, String rrule) {
        Map<String, Object> body = f.vigil("2027-05-01T18:00", "2027-05-01T19:00");
        body.put("recurrence", Map.of("rrule", rrule));
        return f.owner.post("/api/v1/events", body);
    }

    static List<Case> corpus() throws IOException {
        try (InputStream in = RecurrenceBombTest.class.getResourceAsStream("/recurrence-bombs.txt")) {
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int space = line.indexOf(' ');
                    cases.add(new Case(Integer.parseInt(line.substring(0, space)), line.substring(space + 1)));
                }
            }
            assertThat(cases).hasSizeGreaterThan(50);
            return cases;
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
