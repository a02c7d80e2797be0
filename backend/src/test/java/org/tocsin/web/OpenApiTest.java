package org.tocsin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document is the full reference of the API, so every route must be in it. */
class OpenApiTest extends IntegrationTest {

    @Test
    void theDocumentListsEveryAccountsRoute() {
        JsonNode doc = web.get()
                .uri("/v3/api-docs")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(doc.get("openapi").asString()).startsWith("3.");
        List<String> paths = doc.get("paths").propertyNames().stream().toList();
        assertThat(paths)
                .contains(
                        "/api/v1/auth/register",
                        "/api/v1/auth/login",
                        "/api/v1/auth/logout",
                        "/api/v1/auth/csrf",
                        "/api/v1/me",
                        "/api/v1/me/tokens",
                        "/api/v1/me/tokens/{id}",
                        "/api/v1/me/password",
                        "/api/v1/organizations/{slug}/invitations",
                        "/api/v1/organizations/{slug}/invitations/{id}",
                        "/api/v1/invitations/{token}",
                        "/api/v1/invitations/{token}/accept");
        assertThat(doc.at("/paths/~1api~1v1~1auth~1register/post").isObject())
                .as("POST register")
                .isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1me~1tokens~1{id}/delete").isObject())
                .as("DELETE token")
                .isTrue();
    }
}
