package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tocsin.support.IntegrationTest;

class EventValidationTest extends IntegrationTest {

    private EventFixtures f;

    @BeforeEach
    void organization() {
        f = new EventFixtures(api());
    }

    private void rejected(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = f.vigil("2027-05-01T18:00", "2027-05-01T19:00");
        change.accept(body);
        expectProblem(f.owner.post("/api/v1/events", body), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    @Test
    void eachBadFieldIsA400NamingItAndNothingIsStored() {
        rejected("end", b -> b.put("end", "2027-05-01T17:00"));
        rejected("end", b -> b.put("end", "2027-05-30T17:00"));
        rejected("timeZone", b -> b.put("timeZone", "Mars/Olympus_Mons"));
        rejected("timeZone", b -> b.put("timeZone", "+03:30"));
        rejected("recurrence.rrule", b -> b.put("recurrence", Map.of("rrule", "FREQ=FORTNIGHTLY")));
        rejected("recurrence.rrule", b -> b.put("recurrence", Map.of("rrule", "FREQ=SECONDLY")));
        rejected("recurrence.rrule", b -> b.put("recurrence", Map.of("rrule", "FREQ=DAILY;COUNT=5000")));
        rejected("place.lat", b -> b.put("place", Map.of("city", "Berlin", "countryCode", "DE", "lat", 91, "lon", 13)));
        rejected("place.countryCode", b -> b.put("place", Map.of("city", "Berlin", "countryCode", "XX")));
        rejected("online.url", b -> b.put("online", Map.of("url", "javascript:alert(1)")));
        rejected("title", b -> b.put("title", "x".repeat(201)));
        rejected("description", b -> b.put("description", "x".repeat(20_001)));
        rejected("place", b -> b.remove("place"));
        rejected("kind", b -> b.put("kind", "PICNIC"));
        rejected("start", b -> b.put("start", "tomorrow evening"));
        rejected("colour", b -> b.put("colour", "red"));
        rejected("organization", b -> b.put("organization", "no-such-group"));
        rejected("timeZone", b -> {
            b.remove("timeZone");
            b.put("place", Map.of("city", "Nowhere " + System.nanoTime(), "countryCode", "DE"));
        });
        assertThat(f.discover(f.owner, "")).isEmpty();
    }

    @Test
    void aPatchThatBreaksTheEventChangesNothing() {
        String id = f.create(f.vigil("2027-05-02T18:00", "2027-05-02T19:00"))
                .get("id")
                .asString();
        expectProblem(
                        f.owner.patch("/api/v1/events/" + id, Map.of("end", "2027-05-02T17:00")),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("end");
        expectProblem(f.owner.patch("/api/v1/events/" + id, Map.of("title", "")), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("title");
        f.owner
                .get("/api/v1/events/" + id)
                .expectBody()
                .jsonPath("$.end")
                .isEqualTo("2027-05-02T19:00")
                .jsonPath("$.title")
                .isEqualTo("Vigil for the prisoners");
    }

    @Test
    void badDiscoveryParametersAre400s() {
        expectProblem(web.get().uri("/api/v1/events?limit=500").exchange(), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
        expectProblem(web.get().uri("/api/v1/events?near=95,10").exchange(), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("near");
        expectProblem(web.get().uri("/api/v1/events?from=yesterday").exchange(), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("from");
        expectProblem(web.get().uri("/api/v1/events?cursor=garbage!").exchange(), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("cursor");
        expectProblem(web.get().uri("/api/v1/events?kind=PICNIC").exchange(), 400, "/problems/validation");
    }
}
