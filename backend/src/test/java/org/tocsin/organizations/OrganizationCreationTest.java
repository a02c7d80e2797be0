package org.tocsin.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class OrganizationCreationTest extends IntegrationTest {

    private String create(Api.Caller user, Map<String, String> body) {
        return user.post("/api/v1/organizations", body)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("slug")
                .asString();
    }

    @Test
    void slugIsDerivedFromTheNameAndMadeUnique() {
        Api.Caller user = api().newUser("Founder");
        String name = "Frauen für Freiheit " + System.nanoTime();
        String first = create(user, Map.of("name", name));
        assertThat(first).startsWith("frauen-fur-freiheit-").matches("[a-z0-9-]+");
        assertThat(create(user, Map.of("name", name))).isEqualTo(first + "-2");
    }

    @Test
    void aPersianNameStillGetsAUrlSafeSlug() {
        String slug = create(api().newUser("Founder"), Map.of("name", "همبستگی برای آزادی"));
        assertThat(slug).matches("[a-z0-9-]{2,64}");
        web.get()
                .uri("/api/v1/organizations/" + slug)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("همبستگی برای آزادی");
    }

    @Test
    void explicitSlugsAreValidatedAndUnique() {
        Api.Caller user = api().newUser("Founder");
        String slug = "berlin-vigils-" + System.nanoTime();
        create(user, Map.of("name", "Berlin vigils", "slug", slug));
        expectProblem(
                user.post("/api/v1/organizations", Map.of("name", "Copy", "slug", slug)), 409, "/problems/slug-taken");
        expectProblem(
                        user.post("/api/v1/organizations", Map.of("name", "Bad", "slug", "Not A Slug!")),
                        400,
                        "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("slug");
    }

    @Test
    void creatingNeedsSignInAndAName() {
        expectProblem(
                api().anonymous().post("/api/v1/organizations", Map.of("name", "Anon")),
                401,
                "/problems/unauthenticated");
        Api.Caller user = api().newUser("Founder");
        expectProblem(user.post("/api/v1/organizations", Map.of("name", "  ")), 400, "/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
        expectProblem(user.post("/api/v1/organizations", Map.of("name", "x".repeat(121))), 400, "/problems/validation");
        user.get("/api/v1/me/organizations").expectBody().jsonPath("$.length()").isEqualTo(0);
    }
}
