package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.tocsin.rsvps.RsvpFixtures.rsvp;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import org.tocsin.rsvps.internal.SeatCounterDocument;
import org.tocsin.support.IntegrationTest;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** Places left taken by nobody (a replica died half-way) are given back once the counter is quiet. */
class SeatRepairTest extends IntegrationTest {

    @Autowired
    SeatRepair repair;

    @Autowired
    RsvpStore store;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aQuietCounterThatDisagreesWithItsRsvpsIsCorrectedAndTheLineMovesUp() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(3);
        f.answer(event, rsvp("A", "GOING", 1));
        JsonNode b = f.answer(event, rsvp("B", "GOING", 0));
        JsonNode c = f.answer(event, rsvp("C", "GOING", 0));
        assertThat(c.get("state").asString()).isEqualTo("WAITLISTED");
        String busy = f.event(3);
        JsonNode d = f.answer(busy, rsvp("D", "GOING", 0));

        // As if B's replica had died after deleting B and before giving the place back; the same for D.
        crashAfterDeleting(b);
        crashAfterDeleting(d);
        backdate(event);
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(3);

        // At least this one (in a long suite run, other tests' counters may have become quiet too).
        StepVerifier.create(repair.repair())
                .assertNext(n -> assertThat(n).isPositive())
                .verifyComplete();

        JsonNode attendance = f.attendance(event);
        assertThat(attendance.get("going").asInt()).isEqualTo(3);
        assertThat(attendance.get("waitlisted").asInt()).isZero();
        api().anonymous()
                .get("/api/v1/rsvps/" + c.get("manageToken").asString())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rsvp.state")
                .isEqualTo("GOING");
        // A counter changed minutes ago may have a request half-way through it: left alone.
        assertThat(f.attendance(busy).get("going").asInt()).isEqualTo(1);
        StepVerifier.create(repair.repair()).expectNextCount(1).verifyComplete();
        assertThat(f.attendance(busy).get("going").asInt()).isEqualTo(1);
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(3);
    }

    private void crashAfterDeleting(JsonNode answer) {
        RsvpDocument r = store.byId(answer.get("id").asString()).block(Duration.ofSeconds(10));
        assertThat(store.delete(r).block(Duration.ofSeconds(10))).isTrue();
    }

    private void backdate(String eventId) {
        mongo.updateFirst(
                        Query.query(where("_id").is(SeatCounterDocument.idOf(eventId, "once"))),
                        new Update().set("touchedAt", Instant.now().minus(Duration.ofHours(1))),
                        SeatCounterDocument.class)
                .block(Duration.ofSeconds(10));
    }
}
