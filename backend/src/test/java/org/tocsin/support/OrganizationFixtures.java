package org.tocsin.support;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A new organization and its owner, the starting point of most feature tests. */
public class OrganizationFixtures {

    public final Api api;
    public final Api.Caller owner;
    public final String organization;

    public OrganizationFixtures(Api api) {
        this(api, "Group");
    }

    /** An organization named {@code name} and a unique number (slugs must be unique across tests). */
    public OrganizationFixtures(Api api, String name) {
        this.api = api;
        this.owner = api.newUser("Organizer");
        this.organization = owner.post("/api/v1/organizations", Map.of("name", name + " " + System.nanoTime()))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("slug").asString();
    }

    /** A new user given this role in the organization by its owner. */
    public Api.Caller memberWithRole(String role) {
        Api.Caller user = api.newUser(role.toLowerCase());
        owner.put("/api/v1/organizations/" + organization + "/members/" + user.userId(), Map.of("role", role))
                .expectStatus().isOk();
        return user;
    }
}
