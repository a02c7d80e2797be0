package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/** The export holds the person's account, memberships, RSVPs with their events and tokens' names; nobody else's. */
class ExportTest extends IntegrationTest {

    @Test
    void exportHoldsOwnDataAndNothingOfOtherPeople() {
        String email = "export-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller ana = api().newUser("Ana Exported", email);
        OrganizationFixtures group = new OrganizationFixtures(api(), "Export group");
        group.joins(ana, "MEMBER");
        Api.Caller other = group.memberWithRole("ORGANIZER");
        ana.post("/api/v1/me/tokens", Map.of("name", "my script"))
                .expectStatus()
                .isCreated();
        String event = group.owner.createdId(
                "/api/v1/events",
                Map.of(
                        "organization",
                        group.organization,
                        "title",
                        "Exported vigil",
                        "kind",
                        "VIGIL",
                        "start",
                        "2027-05-06T18:00",
                        "end",
                        "2027-05-06T19:00",
                        "timeZone",
                        "Europe/Berlin",
                        "online",
                        Map.of("url", "https://example.org/live")));
        ana.post("/api/v1/events/" + event + "/rsvps", Map.of("name", "Ana Exported", "response", "GOING"))
                .expectStatus()
                .isCreated();
        other.post("/api/v1/events/" + event + "/rsvps", Map.of("name", "Someone Else", "response", "GOING"))
                .expectStatus()
                .isCreated();
        api().anonymous()
                .post(
                        "/api/v1/events/" + event + "/rsvps",
                        Map.of("name", "A Guest", "email", "guest-export@tocsin.test", "response", "GOING"))
                .expectStatus()
                .isCreated();

        var result = ana.get("/api/v1/me/export")
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).contains("attachment"))
                .expectBody(JsonNode.class)
                .returnResult();
        JsonNode export = result.getResponseBody();
        assertThat(export.get("account").get("email").asString()).isEqualTo(email);
        assertThat(export.get("account").get("twoFactor").get("enabled").asBoolean())
                .isFalse();
        assertThat(export.get("apiTokens").get(0).get("name").asString()).isEqualTo("my script");
        assertThat(export.get("memberships")).hasSize(1);
        assertThat(export.get("memberships").get(0).get("role").asString()).isEqualTo("MEMBER");
        assertThat(export.get("rsvps")).hasSize(1);
        assertThat(export.get("rsvps").get(0).get("event").get("title").asString())
                .isEqualTo("Exported vigil");
        assertThat(export.get("sessions").size()).isGreaterThanOrEqualTo(1);

        String text = export.toString();
        assertThat(text)
                .doesNotContain("Someone Else", "A Guest", "guest-export@tocsin.test", other.userId())
                .doesNotContain("passwordHash", "tokenHash", "secret", "\"recoveryCodes\"", "$2a$");
        expectProblem(api().anonymous().get("/api/v1/me/export"), 401, "/problems/unauthenticated");
    }
}
