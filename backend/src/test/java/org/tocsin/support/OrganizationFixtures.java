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
        this(api, name, api.newUser("Organizer"));
    }

    /** An organization {@code owner} creates (whose address is verified where verification is required). */
    public OrganizationFixtures(Api api, String name, Api.Caller owner) {
        this.api = api;
        this.owner = owner;
        this.organization = owner.post("/api/v1/organizations", Map.of("name", name + " " + System.nanoTime()))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("slug")
                .asString();
    }

    /** A new user who joins the organization with this role through an invitation link from its owner. */
    public Api.Caller memberWithRole(String role) {
        return joins(api.newUser(role.toLowerCase()), role);
    }

    /** {@code user} accepts an invitation from the owner for this role: joining always takes the person's consent. */
    public Api.Caller joins(Api.Caller user, String role) {
        user.post("/api/v1/invitations/" + invitationToken(role) + "/accept", Map.of())
                .expectStatus()
                .isOk();
        return user;
    }

    /** A fresh one-use invitation token for this role, made by the owner. */
    public String invitationToken(String role) {
        String url = owner.post("/api/v1/organizations/" + organization + "/invitations", Map.of("role", role))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("url")
                .asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
