package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tocsin.support.Problems.expectProblem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/organizations/{slug}/events/import}: NDJSON of create bodies, as a job. */
class BulkImportTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventFixtures f;

    @BeforeEach
    void organization() {
        f = new EventFixtures(api());
    }

    private String importPath() {
        return "/api/v1/organizations/" + f.organization + "/events/import";
    }

    private Map<String, Object> vigil(int day, String title) {
        Map<String, Object> body = f.vigil("2027-06-%02dT18:00".formatted(day), "2027-06-%02dT19:00".formatted(day));
        body.put("title", title);
        return body;
    }

    private static String ndjson(Object... lines) {
        return java.util.Arrays.stream(lines)
                .map(l -> l instanceof String s ? s : JSON.writeValueAsString(l))
                .collect(Collectors.joining("\n"));
    }

    /** Posts the file, checks the 202 and its Location, and polls the job until it has finished. */
    private JsonNode imported(Api.Caller caller, String body) {
        var result = caller.post(importPath(), body)
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult();
        String location = result.getResponseHeaders().getLocation().toString();
        JsonNode accepted = result.getResponseBody();
        assertThat(location)
                .isEqualTo("/api/v1/organizations/" + f.organization + "/events/imports/"
                        + accepted.get("id").asString());
        assertThat(accepted.get("state").asString()).isEqualTo("CHECKING");
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = caller.get(location)
                            .expectStatus()
                            .isOk()
                            .expectBody(JsonNode.class)
                            .returnResult()
                            .getResponseBody();
                    return List.of("DONE", "REJECTED", "FAILED")
                            .contains(last[0].get("state").asString());
                });
        return last[0];
    }

    @Test
    void everyLineIsStoredAsASingleCreateWouldStoreIt() {
        Map<String, Object> series = vigil(3, "Weekly vigil");
        series.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=3"));
        String file = ndjson(vigil(1, "Teachers' march"), "", vigil(2, "Nurses' vigil"), series) + "\r\n";

        JsonNode job = imported(f.owner, file);

        assertThat(job.get("state").asString()).isEqualTo("DONE");
        assertThat(job.get("received").asInt()).isEqualTo(3);
        assertThat(job.get("written").asInt()).isEqualTo(3);
        assertThat(job.get("failed").asInt()).isZero();
        List<JsonNode> found = f.discover(api().anonymous(), "");
        assertThat(found)
                .extracting(e -> e.get("title").asString())
                .containsExactlyInAnyOrder(
                        "Teachers' march", "Nurses' vigil", "Weekly vigil", "Weekly vigil", "Weekly vigil");
        assertThat(found)
                .allSatisfy(
                        e -> assertThat(e.get("place").get("city").asString()).isEqualTo("Berlin"));
        // One audit entry for the job, saying who imported how many; none per event.
        assertThat(imports()).singleElement().satisfies(entry -> {
            assertThat(entry.get("actorId").asString()).isEqualTo(f.owner.userId());
            assertThat(entry.get("subjectId").asString())
                    .isEqualTo(job.get("id").asString());
            assertThat(entry.get("label").asString()).isEqualTo("3");
        });
        assertThat(auditLog())
                .noneSatisfy(entry -> assertThat(entry.get("action").asString()).isEqualTo("EVENT_CREATED"));
    }

    private List<JsonNode> auditLog() {
        List<JsonNode> entries = new java.util.ArrayList<>();
        f.owner
                .get("/api/v1/organizations/" + f.organization + "/audit?limit=200")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("entries")
                .forEach(entries::add);
        return entries;
    }

    private List<JsonNode> imports() {
        return auditLog().stream()
                .filter(e -> e.get("action").asString().equals("EVENTS_IMPORTED"))
                .toList();
    }

    @Test
    void oneRefusedLineMeansNothingIsStoredAndEachProblemNamesItsLineAndField() {
        Map<String, Object> badTime = vigil(2, "Backwards");
        badTime.put("end", "2027-06-01T17:00");
        Map<String, Object> otherOrganization = vigil(3, "Elsewhere");
        otherOrganization.put("organization", "someone-else");
        Map<String, Object> badZone = vigil(4, "Nowhere time");
        badZone.put("timeZone", "Mars/Olympus_Mons");
        badZone.put("title", "");
        String file = ndjson(vigil(1, "Fine"), badTime, "{not json", otherOrganization, "[1]", badZone);

        JsonNode job = imported(f.owner, file);

        assertThat(job.get("state").asString()).isEqualTo("REJECTED");
        assertThat(job.get("received").asInt()).isEqualTo(6);
        assertThat(job.get("written").asInt()).isZero();
        assertThat(job.get("failed").asInt()).isEqualTo(5);
        assertThat(job.get("moreProblems").asBoolean()).isFalse();
        List<String> problems = new java.util.ArrayList<>();
        job.get("problems")
                .forEach(p -> problems.add(
                        p.get("line").asInt() + " " + p.get("field").asString()));
        // The same field names a single create answers with (EventValidationTest).
        assertThat(problems).containsExactly("2 end", "3 body", "4 organization", "5 body", "6 title");
        assertThat(f.discover(f.owner, "")).isEmpty();
        assertThat(imports()).as("a refused file imported nothing").isEmpty();
    }

    @Test
    void onlyTheOrganizationsOrganizersMayImportOrReadTheJob() {
        String file = ndjson(vigil(1, "Fine"));
        Api.Caller member = f.memberWithRole("MEMBER");
        Api.Caller stranger = api().newUser("Stranger");
        expectProblem(member.post(importPath(), file), 403, "/problems/forbidden");
        // Organizations are public: a stranger is refused as a member is, before any job is looked at.
        expectProblem(stranger.post(importPath(), file), 403, "/problems/forbidden");
        api().anonymous().post(importPath(), file).expectStatus().isUnauthorized();

        JsonNode job = imported(f.memberWithRole("ORGANIZER"), file);
        String location = "/api/v1/organizations/" + f.organization + "/events/imports/"
                + job.get("id").asString();
        expectProblem(stranger.get(location), 403, "/problems/forbidden");
        // Another organization's organizer, asking under their own organization, finds nothing either.
        EventFixtures other = new EventFixtures(api());
        expectProblem(
                other.owner.get("/api/v1/organizations/" + other.organization + "/events/imports/"
                        + job.get("id").asString()),
                404,
                "/problems/not-found");
        assertThat(f.discover(f.owner, "")).hasSize(1);
    }

    @Test
    void theBodyIsBoundedInLinesAndBytes() {
        String tooManyLines = IntStream.range(0, 10_001).mapToObj(i -> "{}").collect(Collectors.joining("\n"));
        expectProblem(f.owner.post(importPath(), tooManyLines), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
        String tooLarge = "{\"title\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}";
        expectProblem(f.owner.post(importPath(), tooLarge), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
        expectProblem(f.owner.post(importPath(), "\n  \n"), 400, "/problems/validation");
        assertThat(f.discover(f.owner, "")).isEmpty();
    }
}
