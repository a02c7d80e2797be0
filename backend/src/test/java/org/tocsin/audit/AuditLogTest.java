package org.tocsin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tocsin.audit.internal.AuditDocument;
import org.tocsin.audit.internal.AuditStore;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/**
 * The audit log records each action that matters, with who did it, for the organization's ADMIN+ only,
 * a page at a time; never an attendee's name, email or address; old entries are swept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogTest extends IntegrationTest {

    @Autowired
    AuditLog log;

    @Autowired
    AuditStore store;

    private static Map<String, Object> vigil(String organization, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", organization);
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", "2027-10-10T18:00");
        body.put("end", "2027-10-10T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put(
                "place",
                Map.of(
                        "venue", "Hidden courtyard",
                        "address", "Geheimweg 7",
                        "city", "Berlin",
                        "countryCode", "DE",
                        "lat", 52.51,
                        "lon", 13.40));
        body.put("locationVisibility", "ATTENDEES");
        return body;
    }

    private static String id(Api.Caller caller, String path, Object body) {
        return caller.post(path, body)
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
    }

    /** Every entry of a log, following the cursor {@code pageSize} at a time. */
    private static List<JsonNode> all(Api.Caller caller, String path, int pageSize) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = caller.get(path + "?limit=" + pageSize + (cursor == null ? "" : "&cursor=" + cursor))
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            page.get("entries").forEach(entries::add);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 100);
        return entries;
    }

    private static List<String> actions(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("action").asString()).toList();
    }

    @Test
    void eachActionIsRecordedWithItsActorForAdminsOnlyAndNoneHoldsAttendeeData() {
        OrganizationFixtures org = new OrganizationFixtures(api(), "Audited");
        Api.Caller admin = org.memberWithRole("ADMIN");
        Api.Caller organizer = org.memberWithRole("ORGANIZER");
        Api.Caller member = org.memberWithRole("MEMBER");

        String event = id(organizer, "/api/v1/events", vigil(org.organization, "Audited vigil"));
        organizer
                .patch("/api/v1/events/" + event, Map.of("title", "Audited vigil, moved"))
                .expectStatus()
                .isOk();
        // Attendees answer: none of what they give may reach the log.
        api().anonymous()
                .post(
                        "/api/v1/events/" + event + "/rsvps",
                        Map.of("name", "Attendee Parvaneh", "email", "parvaneh-audit@tocsin.test", "response", "GOING"))
                .expectStatus()
                .isCreated();
        organizer
                .post("/api/v1/events/" + event + "/cancel", Map.of("reason", "Police ban"))
                .expectStatus()
                .isOk();
        organizer
                .post("/api/v1/events/" + event + "/reinstate", Map.of())
                .expectStatus()
                .isOk();
        org.owner
                .put(
                        "/api/v1/organizations/" + org.organization + "/members/" + member.userId(),
                        Map.of("role", "ORGANIZER"))
                .expectStatus()
                .isOk();
        admin.delete("/api/v1/events/" + event).expectStatus().isNoContent();

        // ADMIN+ read it; ORGANIZERs, MEMBERs and strangers do not.
        String path = "/api/v1/organizations/" + org.organization + "/audit";
        organizer.get(path).expectStatus().isForbidden();
        member.get(path).expectStatus().isForbidden();
        api().newUser("Stranger").get(path).expectStatus().isForbidden();
        api().anonymous().get(path).expectStatus().isUnauthorized();

        List<JsonNode> entries = all(admin, path, 2);
        assertThat(actions(entries))
                .contains(
                        "EVENT_CREATED",
                        "EVENT_EDITED",
                        "EVENT_CANCELLED",
                        "EVENT_REINSTATED",
                        "EVENT_DELETED",
                        "INVITATION_CREATED",
                        "INVITATION_ACCEPTED",
                        "MEMBER_ROLE_CHANGED");
        // Paging gives each entry once, newest first.
        assertThat(new HashSet<>(
                        entries.stream().map(e -> e.get("id").asString()).toList()))
                .hasSize(entries.size());
        assertThat(entries)
                .isSortedAccordingTo((a, b) -> Instant.parse(b.get("at").asString())
                        .compareTo(Instant.parse(a.get("at").asString())));
        JsonNode created = entries.stream()
                .filter(e -> e.get("action").asString().equals("EVENT_CREATED"))
                .findFirst()
                .orElseThrow();
        assertThat(created.get("actorId").asString()).isEqualTo(organizer.userId());
        assertThat(created.get("subjectId").asString()).isEqualTo(event);
        JsonNode deleted = entries.stream()
                .filter(e -> e.get("action").asString().equals("EVENT_DELETED"))
                .findFirst()
                .orElseThrow();
        assertThat(deleted.get("actorId").asString()).isEqualTo(admin.userId());

        String text = entries.toString();
        assertThat(text)
                .doesNotContain("Parvaneh", "parvaneh-audit@tocsin.test", "Geheimweg", "Hidden courtyard", "52.51");

        // The member's export holds the entries about them, and nothing about attendees.
        JsonNode export = member.get("/api/v1/me/export")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        List<String> mine = new ArrayList<>();
        export.get("audit").forEach(e -> mine.add(e.get("action").asString()));
        assertThat(mine).contains("MEMBER_ROLE_CHANGED", "INVITATION_ACCEPTED").doesNotContain("EVENT_CREATED");
    }

    @Test
    void campaignDecisionsAreInTheCampaignsLog() {
        OrganizationFixtures coalition = new OrganizationFixtures(api(), "Coalition");
        OrganizationFixtures local = new OrganizationFixtures(api(), "Local group");
        String campaign = "audited-day-" + System.nanoTime();
        coalition
                .owner
                .post(
                        "/api/v1/campaigns",
                        Map.of(
                                "name", "Audited day",
                                "slug", campaign,
                                "startsOn", "2027-10-10",
                                "endsOn", "2027-10-10",
                                "organization", coalition.organization))
                .expectStatus()
                .isCreated();
        coalition
                .owner
                .put(
                        "/api/v1/campaigns/" + campaign + "/call",
                        Map.of("open", true, "instructions", "Host", "materials", List.of()))
                .expectStatus()
                .isOk();
        Map<String, Object> body = vigil(local.organization, "Local vigil");
        body.put("locationVisibility", "PUBLIC");
        String event = id(local.owner, "/api/v1/events", body);
        String submission = id(local.owner, "/api/v1/campaigns/" + campaign + "/submissions", Map.of("event", event));
        coalition
                .owner
                .post("/api/v1/campaigns/" + campaign + "/submissions/" + submission + "/approve", Map.of())
                .expectStatus()
                .isOk();

        List<String> campaignLog = actions(all(coalition.owner, "/api/v1/campaigns/" + campaign + "/audit", 50));
        assertThat(campaignLog).contains("SUBMISSION_SENT", "SUBMISSION_APPROVED");
        local.owner
                .get("/api/v1/campaigns/" + campaign + "/audit")
                .expectStatus()
                .isForbidden();
        // The submitting organization's own log has the decision too.
        assertThat(actions(all(local.owner, "/api/v1/organizations/" + local.organization + "/audit", 50)))
                .contains("SUBMISSION_SENT", "SUBMISSION_APPROVED");
    }

    @Test
    void entriesOlderThanTheRetentionAreSwept() {
        Instant now = Instant.now();
        String organization = "retention-" + System.nanoTime();
        store.insert(new AuditDocument(
                        "old-" + System.nanoTime(),
                        organization,
                        null,
                        null,
                        "EVENT_CREATED",
                        "EVENT",
                        "e1",
                        null,
                        "Old",
                        now.minus(Duration.ofDays(181))))
                .block();
        store.insert(new AuditDocument(
                        "new-" + System.nanoTime(),
                        organization,
                        null,
                        null,
                        "EVENT_CREATED",
                        "EVENT",
                        "e2",
                        null,
                        "New",
                        now.minus(Duration.ofDays(179))))
                .block();
        assertThat(log.sweepNow().block()).isGreaterThanOrEqualTo(1);
        List<AuditEntry> left = log.page(organization, null, null, 10).block().entries();
        assertThat(left).extracting(AuditEntry::label).containsExactly("New");
    }
}
