package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import org.tocsin.support.IntegrationTest;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** Who went is forgotten a while after the occurrence ended; only the counts stay. */
class RsvpRetentionTest extends IntegrationTest {

    @Autowired
    RsvpStore store;

    @Autowired
    RsvpRetention retention;

    @Test
    void rsvpsOfLongEndedOccurrencesAreDeletedAndTheirCountsKept() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(10);
        JsonNode recent = f.answer(event, RsvpFixtures.rsvp("Recent", "GOING", 0));
        JsonNode old = f.answer(event, RsvpFixtures.rsvp("Old", "GOING", 2));
        // As if Old's occurrence had ended 31 days ago (the default retention is 30 days).
        RsvpDocument r = store.byId(old.get("id").asString()).block(Duration.ofSeconds(10));
        Instant ended = Instant.now().minus(Duration.ofDays(31));
        store.save(new RsvpDocument(
                        r.id(),
                        r.eventId(),
                        r.occurrenceKey(),
                        ended.minus(Duration.ofHours(1)),
                        ended,
                        r.ownerKey(),
                        r.userId(),
                        r.name(),
                        r.email(),
                        r.response(),
                        r.guests(),
                        r.state(),
                        r.approved(),
                        r.places(),
                        r.queuedAt(),
                        r.manageTokenHash(),
                        r.remindedAt(),
                        r.createdAt(),
                        r.updatedAt(),
                        r.version(),
                        r.lang()))
                .block(Duration.ofSeconds(10));

        StepVerifier.create(retention.purge())
                .assertNext(n -> assertThat(n).isGreaterThanOrEqualTo(1))
                .verifyComplete();

        StepVerifier.create(store.byId(old.get("id").asString())).verifyComplete();
        StepVerifier.create(store.byId(recent.get("id").asString()))
                .expectNextCount(1)
                .verifyComplete();
        api().anonymous()
                .get("/api/v1/rsvps/" + old.get("manageToken").asString())
                .expectStatus()
                .isNotFound();
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(4);
    }
}
