package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/** A person's own sessions: listed by device family (no address), ended one by one, or all at once. */
class SessionsTest extends IntegrationTest {

    private static final String FIREFOX_ANDROID =
            "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0";
    private static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Test
    void listsOwnSessionsByDeviceAndEndsOne() {
        String email = "sessions-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller first = api().newUser("Ana", email);
        Api.Caller phone = from(FIREFOX_ANDROID).signIn(email, Api.PASSWORD);
        Api.Caller desktop = from(CHROME_WINDOWS).signIn(email, Api.PASSWORD);

        JsonNode listed = body(phone.get("/api/v1/me/sessions").expectStatus().isOk());
        assertThat(listed).hasSize(3);
        List<String> devices = new ArrayList<>();
        listed.forEach(s -> devices.add(s.get("device").asString()));
        assertThat(devices).contains("Firefox on Android", "Chrome on Windows");
        assertThat(listed.toString())
                .doesNotContain("127.0.0.1")
                .doesNotContain("Mozilla")
                .doesNotContain("Gecko");
        JsonNode current = null;
        String desktopId = null;
        for (JsonNode s : listed) {
            assertThat(s.get("createdAt").asString()).isNotEmpty();
            assertThat(s.get("lastUsedAt").asString()).isNotEmpty();
            if (s.get("current").asBoolean()) {
                current = s;
            }
            if (s.get("device").asString().equals("Chrome on Windows")) {
                desktopId = s.get("id").asString();
            }
        }
        assertThat(current).isNotNull();
        assertThat(current.get("device").asString()).isEqualTo("Firefox on Android");

        // Someone else cannot end it, nor learn that it exists.
        expectProblem(api().newUser("Other").delete("/api/v1/me/sessions/" + desktopId), 404, "/problems/not-found");
        phone.delete("/api/v1/me/sessions/" + desktopId).expectStatus().isNoContent();
        expectProblem(desktop.get("/api/v1/me"), 401, "/problems/unauthenticated");
        expectProblem(phone.delete("/api/v1/me/sessions/" + desktopId), 404, "/problems/not-found");
        first.get("/api/v1/me").expectStatus().isOk();
        phone.get("/api/v1/me/sessions").expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void signOutEverywhereEndsSessionsTokensAndFeedAddresses() {
        String email = "everywhere-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller laptop = api().newUser("Bo", email);
        Api.Caller phone = api().signIn(email, Api.PASSWORD);
        OrganizationFixtures group = new OrganizationFixtures(api(), "Everywhere group");
        group.joins(laptop, "MEMBER");
        String apiToken = body(phone.post("/api/v1/me/tokens", Map.of("name", "script"))
                        .expectStatus()
                        .isCreated())
                .get("token")
                .asString();
        String personalFeed = URI.create(body(phone.post("/api/v1/me/calendar-feed", Map.of())
                                .expectStatus()
                                .isCreated())
                        .get("url")
                        .asString())
                .getPath();
        String organizationFeed = URI.create(
                        body(phone.post("/api/v1/organizations/" + group.organization + "/feed-token", null)
                                        .expectStatus()
                                        .isCreated())
                                .get("url")
                                .asString())
                .getPath();
        web.get().uri(personalFeed).exchange().expectStatus().isOk();

        phone.post("/api/v1/me/sign-out-everywhere", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sessionsEnded")
                .isEqualTo(2)
                .jsonPath("$.revoked.apiTokens")
                .isEqualTo(1)
                .jsonPath("$.revoked.calendarFeed")
                .isEqualTo(1)
                .jsonPath("$.revoked.organizationFeeds")
                .isEqualTo(1);

        expectProblem(phone.get("/api/v1/me"), 401, "/problems/unauthenticated");
        expectProblem(laptop.get("/api/v1/me"), 401, "/problems/unauthenticated");
        expectProblem(api().bearer(apiToken).get("/api/v1/me"), 401, "/problems/unauthenticated");
        expectProblem(web.get().uri(personalFeed).exchange(), 404, "/problems/not-found");
        expectProblem(web.get().uri(organizationFeed).exchange(), 404, "/problems/not-found");
        // The password still works: this was not a password change.
        api().signIn(email, Api.PASSWORD).get("/api/v1/me").expectStatus().isOk();
    }

    @Test
    void devicesAreFamiliesOnly() {
        assertThat(Devices.describe(FIREFOX_ANDROID)).isEqualTo("Firefox on Android");
        assertThat(Devices.describe(CHROME_WINDOWS)).isEqualTo("Chrome on Windows");
        assertThat(Devices.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"))
                .isEqualTo("Safari on iOS");
        assertThat(Devices.describe(null)).isEqualTo("Unknown device");
    }

    private Api from(String userAgent) {
        return Api.of(web.mutate().defaultHeader("User-Agent", userAgent).build());
    }

    private static JsonNode body(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
