package org.tocsin.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.bulk.internal.ImportJobDocument;
import org.tocsin.bulk.internal.ImportJobDocument.State;
import org.tocsin.bulk.internal.ImportJobStore;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A job whose replica stopped does not stay running for ever, and finished jobs are not kept for ever. */
class ImportJobLeaseTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ImportJobStore store;

    @Autowired
    private BulkImports imports;

    @Autowired
    private Clock clock;

    private OrganizationFixtures f;

    @BeforeEach
    void organization() {
        f = new OrganizationFixtures(api());
    }

    private String jobPath(String id) {
        return "/api/v1/organizations/" + f.organization + "/events/imports/" + id;
    }

    /** A one-line import run to DONE; answers its id. */
    private String finishedJob() {
        String line = JSON.writeValueAsString(Map.of(
                "organization", f.organization,
                "title", "Vigil",
                "kind", "VIGIL",
                "start", "2027-06-01T18:00",
                "end", "2027-06-01T19:00",
                "timeZone", "Europe/Berlin",
                "place", Map.of("city", "Berlin", "countryCode", "DE")));
        String id = f.owner
                .post("/api/v1/organizations/" + f.organization + "/events/import", line)
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(state(id)));
        return id;
    }

    private String state(String id) {
        return f.owner
                .get(jobPath(id))
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("state")
                .asString();
    }

    /** The job's stored state rewritten as if it had been left so {@code ago}, by a replica that stopped. */
    private void leftAs(String id, State state, Duration ago) {
        ImportJobDocument job = store.byId(id).block();
        Instant then = clock.instant().minus(ago);
        store.save(new ImportJobDocument(
                        job.id(),
                        job.organizationId(),
                        state,
                        job.received(),
                        job.written(),
                        job.failed(),
                        job.problems(),
                        job.moreProblems(),
                        job.createdAt(),
                        then,
                        then))
                .block();
    }

    @Test
    void aJobWhoseReplicaStoppedRenewingItsLeaseIsMarkedFailedAndOneStillRenewedIsNot() {
        String abandoned = finishedJob();
        String alive = finishedJob();
        leftAs(abandoned, State.WRITING, Duration.ofMinutes(10));
        leftAs(alive, State.WRITING, Duration.ofSeconds(5));

        imports.sweepNow().block();

        assertThat(state(abandoned)).isEqualTo("FAILED");
        assertThat(state(alive)).isEqualTo("WRITING");
        // Its replica, were it alive after all, renews the lease of a running job only.
        store.beat(abandoned, clock.instant()).block();
        assertThat(state(abandoned)).isEqualTo("FAILED");
    }

    @Test
    void finishedJobsAreKeptSevenDaysThenGo() {
        String old = finishedJob();
        String recent = finishedJob();
        leftAs(old, State.DONE, Duration.ofDays(8));
        leftAs(recent, State.REJECTED, Duration.ofDays(6));

        imports.sweepNow().block();

        f.owner.get(jobPath(old)).expectStatus().isNotFound();
        assertThat(state(recent)).isEqualTo("REJECTED");
    }
}
