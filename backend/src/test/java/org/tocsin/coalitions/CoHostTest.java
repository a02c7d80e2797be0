package org.tocsin.coalitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import org.tocsin.support.OutboxFiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 #2: co-hosts. An invitation changes nothing strangers read until the invited organization's own
 * organizers accept it; then the event is on the co-host's page, feeds and discovery filter, names it beside
 * its host, and the co-host's organizers edit it (deleting stays the host's); either side ends it, and the
 * event is gone from the co-host's surfaces again.
 */
class CoHostTest extends IntegrationTest {

    @Value("${tocsin.data-dir}")
    Path dataDir;

    private static JsonNode json(WebTestClient.ResponseSpec spec) {
        return spec.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String publicVigil(OrganizationFixtures host, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", host.organization);
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", "2027-10-10T19:00");
        body.put("end", "2027-10-10T21:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("place", Map.of("venue", "Market square", "city", "Leipzig", "countryCode", "DE"));
        return json(host.owner.post("/api/v1/events", body).expectStatus().isCreated())
                .get("id")
                .asString();
    }

    private String body(String path) {
        byte[] bytes = web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Where a stranger meets an organization's events: discovery by organization, its three feeds, its page. */
    private List<Boolean> onPublicSurfacesOf(String slug, String title) {
        return List.of(
                body("/api/v1/events?organization=" + slug + "&from=2027-01-01").contains(title),
                body("/feeds/organizations/" + slug + ".ics").contains(title),
                body("/feeds/organizations/" + slug + ".atom").contains(title),
                body("/feeds/organizations/" + slug + ".json").contains(title),
                body("/organizations/" + slug + "?from=2027-10-01").contains(title));
    }

    private static JsonNode invite(Api.Caller caller, String eventId, String slug) {
        return json(caller.post("/api/v1/events/" + eventId + "/cohosts", Map.of("organization", slug))
                .expectStatus()
                .isCreated());
    }

    private static JsonNode pending(OrganizationFixtures org) {
        return json(org.owner
                .get("/api/v1/organizations/" + org.organization + "/cohost-invitations")
                .expectStatus()
                .isOk());
    }

    private static void accept(OrganizationFixtures org, String invitationId) {
        org.owner
                .post(
                        "/api/v1/organizations/" + org.organization + "/cohost-invitations/" + invitationId + "/accept",
                        Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ACCEPTED");
    }

    private List<String> mailTo(Api.Caller caller) {
        String email = json(caller.get("/api/v1/me").expectStatus().isOk())
                .get("email")
                .asString();
        return OutboxFiles.to(dataDir, email).stream()
                .map(m -> m.subject() + "\n" + m.text())
                .toList();
    }

    private static List<String> auditActions(OrganizationFixtures org) {
        JsonNode page = json(org.owner
                .get("/api/v1/organizations/" + org.organization + "/audit")
                .expectStatus()
                .isOk());
        return page.get("entries")
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
    }

    @Test
    void anAcceptedCoHostShowsTheEventEditsItAndLosesItWhenEitherSideEndsIt() {
        OrganizationFixtures host = new OrganizationFixtures(api(), "Host");
        OrganizationFixtures partner = new OrganizationFixtures(api(), "Partner");
        String title = "Shared vigil " + System.nanoTime();
        String id = publicVigil(host, title);

        JsonNode invitation = invite(host.owner, id, partner.organization);
        assertThat(invitation.get("state").asString()).isEqualTo("PENDING");
        assertThat(invitation.get("organization").get("slug").asString()).isEqualTo(partner.organization);
        // The invited organization's organizers are told, in English and Persian.
        // Mail is written after the answer: wait for it rather than race it.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(mailTo(partner.owner))
                        .anySatisfy(m -> assertThat(m)
                                .contains("co-host")
                                .contains("دعوت به میزبانی مشترک")
                                .contains("میزبان مشترک این رویداد باشد")
                                .contains(title)
                                .contains("/dashboard/organizations/" + partner.organization)));

        // Pending: nothing a stranger reads changes, and the event is not on the partner's surfaces.
        assertThat(onPublicSurfacesOf(partner.organization, title)).containsOnly(false);
        assertThat(onPublicSurfacesOf(host.organization, title)).containsOnly(true);
        api().anonymous()
                .get("/api/v1/events/" + id)
                .expectBody()
                .jsonPath("$.coHosts")
                .doesNotExist();
        // Nor may the partner edit it yet.
        partner.owner
                .patch("/api/v1/events/" + id, Map.of("title", "Taken over"))
                .expectStatus()
                .isForbidden();

        JsonNode open = pending(partner);
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).get("eventTitle").asString()).isEqualTo(title);
        assertThat(open.get(0).get("host").get("slug").asString()).isEqualTo(host.organization);
        accept(partner, open.get(0).get("id").asString());
        assertThat(pending(partner).size()).isZero();

        // Accepted: on the partner's page, feeds and discovery filter; the event names it beside its host.
        assertThat(onPublicSurfacesOf(partner.organization, title)).containsOnly(true);
        JsonNode event = json(
                api().anonymous().get("/api/v1/events/" + id).expectStatus().isOk());
        assertThat(event.get("organization").get("slug").asString()).isEqualTo(host.organization);
        assertThat(event.get("coHosts").get(0).get("slug").asString()).isEqualTo(partner.organization);
        assertThat(body("/events/" + id)).contains(partner.organization);

        // The partner's organizers edit it like the host's (updatedAt rises), but deleting stays the host's.
        String before = event.get("updatedAt").asString();
        JsonNode edited = json(partner.owner
                .patch("/api/v1/events/" + id, Map.of("title", title + " (together)"))
                .expectStatus()
                .isOk());
        assertThat(edited.get("title").asString()).isEqualTo(title + " (together)");
        assertThat(edited.get("updatedAt").asString()).isGreaterThan(before);
        assertThat(edited.get("coHosts").get(0).get("slug").asString()).isEqualTo(partner.organization);
        partner.owner.delete("/api/v1/events/" + id).expectStatus().isForbidden();
        partner.memberWithRole("MEMBER")
                .patch("/api/v1/events/" + id, Map.of("title", "A member's title"))
                .expectStatus()
                .isForbidden();
        assertThat(json(partner.owner
                                .get("/api/v1/events/" + id + "/cohosts")
                                .expectStatus()
                                .isOk())
                        .get(0)
                        .get("state")
                        .asString())
                .isEqualTo("ACCEPTED");

        // The partner ends it: gone from its surfaces, still on the host's.
        partner.owner
                .delete("/api/v1/events/" + id + "/cohosts/" + partner.organization)
                .expectStatus()
                .isNoContent();
        assertThat(onPublicSurfacesOf(partner.organization, title)).containsOnly(false);
        assertThat(onPublicSurfacesOf(host.organization, title)).containsOnly(true);
        partner.owner
                .patch("/api/v1/events/" + id, Map.of("title", "Not ours any more"))
                .expectStatus()
                .isForbidden();

        // Invited anew and accepted, then the host ends it.
        invite(host.owner, id, partner.organization);
        accept(partner, pending(partner).get(0).get("id").asString());
        assertThat(onPublicSurfacesOf(partner.organization, title)).containsOnly(true);
        host.owner
                .delete("/api/v1/events/" + id + "/cohosts/" + partner.organization)
                .expectStatus()
                .isNoContent();
        assertThat(onPublicSurfacesOf(partner.organization, title)).containsOnly(false);
        api().anonymous()
                .get("/api/v1/events/" + id)
                .expectBody()
                .jsonPath("$.coHosts")
                .doesNotExist();

        // Each side's log records what was done with its name.
        assertThat(auditActions(partner)).contains("COHOST_INVITED", "COHOST_ACCEPTED", "COHOST_ENDED");
        assertThat(auditActions(host)).contains("COHOST_INVITED", "COHOST_ACCEPTED", "COHOST_ENDED");
    }

    @Test
    void aDeclinedInvitationChangesNothingAndCannotBeAcceptedLater() {
        OrganizationFixtures host = new OrganizationFixtures(api(), "Host");
        OrganizationFixtures partner = new OrganizationFixtures(api(), "Partner");
        String title = "Declined vigil " + System.nanoTime();
        String id = publicVigil(host, title);
        String invitation =
                invite(host.owner, id, partner.organization).get("id").asString();

        partner.owner
                .post(
                        "/api/v1/organizations/" + partner.organization + "/cohost-invitations/" + invitation
                                + "/decline",
                        Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("DECLINED");
        partner.owner
                .post(
                        "/api/v1/organizations/" + partner.organization + "/cohost-invitations/" + invitation
                                + "/accept",
                        Map.of())
                .expectStatus()
                .isEqualTo(409);
        assertThat(onPublicSurfacesOf(partner.organization, title)).containsOnly(false);
        assertThat(auditActions(partner)).contains("COHOST_DECLINED");
    }

    @Test
    void invitationsAreRefusedToWhomTheyAreNotForAndCannotBeDoubled() {
        OrganizationFixtures host = new OrganizationFixtures(api(), "Host");
        OrganizationFixtures partner = new OrganizationFixtures(api(), "Partner");
        OrganizationFixtures outsider = new OrganizationFixtures(api(), "Outsider");
        String id = publicVigil(host, "Refusals vigil " + System.nanoTime());
        String cohosts = "/api/v1/events/" + id + "/cohosts";

        // Only the host's ORGANIZER+ invites; strangers and members may not.
        host.memberWithRole("MEMBER")
                .post(cohosts, Map.of("organization", partner.organization))
                .expectStatus()
                .isForbidden();
        outsider.owner
                .post(cohosts, Map.of("organization", partner.organization))
                .expectStatus()
                .isForbidden();
        api().anonymous()
                .post(cohosts, Map.of("organization", partner.organization))
                .expectStatus()
                .is4xxClientError();
        host.owner
                .post(cohosts, Map.of("organization", "no-such-organization-" + System.nanoTime()))
                .expectStatus()
                .isNotFound();
        host.owner
                .post(cohosts, Map.of("organization", host.organization))
                .expectStatus()
                .isBadRequest();
        host.owner.post(cohosts, Map.of()).expectStatus().isBadRequest();
        host.owner
                .post("/api/v1/events/no-such-event/cohosts", Map.of("organization", partner.organization))
                .expectStatus()
                .isNotFound();

        String invitation =
                invite(host.owner, id, partner.organization).get("id").asString();
        host.owner
                .post(cohosts, Map.of("organization", partner.organization))
                .expectStatus()
                .isEqualTo(409);

        // Another organization cannot decide it, nor list the partner's invitations, nor end it.
        outsider.owner
                .post(
                        "/api/v1/organizations/" + outsider.organization + "/cohost-invitations/" + invitation
                                + "/accept",
                        Map.of())
                .expectStatus()
                .isNotFound();
        outsider.owner
                .get("/api/v1/organizations/" + partner.organization + "/cohost-invitations")
                .expectStatus()
                .isForbidden();
        partner.memberWithRole("MEMBER")
                .post(
                        "/api/v1/organizations/" + partner.organization + "/cohost-invitations/" + invitation
                                + "/accept",
                        Map.of())
                .expectStatus()
                .isForbidden();
        outsider.owner
                .delete(cohosts + "/" + partner.organization)
                .expectStatus()
                .isForbidden();
        outsider.owner.get(cohosts).expectStatus().isForbidden();
        // The host may withdraw an open invitation.
        host.owner.delete(cohosts + "/" + partner.organization).expectStatus().isNoContent();
        assertThat(pending(partner).size()).isZero();
    }

    private static String vigil(OrganizationFixtures host, String title, String visibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", host.organization);
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("visibility", visibility);
        body.put("start", "2027-10-11T19:00");
        body.put("end", "2027-10-11T21:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("place", Map.of("venue", "Back room", "city", "Leipzig", "countryCode", "DE"));
        return json(host.owner.post("/api/v1/events", body).expectStatus().isCreated())
                .get("id")
                .asString();
    }

    /** One answer as a caller gets it: status, ETag and the body, byte for byte. */
    private static String answer(WebTestClient.ResponseSpec spec) {
        var result = spec.expectBody(byte[].class).returnResult();
        byte[] bytes = result.getResponseBody();
        return result.getStatus() + " " + result.getResponseHeaders().getETag() + "\n"
                + (bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
    }

    /** What strangers (anonymous, and an organization's owner who is in neither) read of the two organizations. */
    private List<String> strangersRead(OrganizationFixtures host, OrganizationFixtures partner, Api.Caller outsider) {
        List<String> read = new java.util.ArrayList<>();
        for (String slug : List.of(host.organization, partner.organization)) {
            for (String path : List.of(
                    "/api/v1/events?organization=" + slug + "&from=2027-01-01",
                    "/api/v1/events?organization=" + slug + "&from=2027-01-01&q=circle",
                    "/feeds/organizations/" + slug + ".ics",
                    "/feeds/organizations/" + slug + ".atom",
                    "/feeds/organizations/" + slug + ".json",
                    "/organizations/" + slug + "?from=2027-10-01")) {
                read.add(path + " anonymous " + answer(api().anonymous().get(path)));
                if (path.startsWith("/api/")) {
                    read.add(path + " outsider " + answer(outsider.get(path)));
                }
            }
        }
        return read;
    }

    private static String listed(Api.Caller caller, String query) {
        return caller.get("/api/v1/events?from=2027-01-01&" + query)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aCoHostsMembersListItsPrivateAndUnlistedCoHostedEventsAsTheHostsMembersDoAndStrangersLearnNothing() {
        OrganizationFixtures host = new OrganizationFixtures(api(), "Host");
        OrganizationFixtures partner = new OrganizationFixtures(api(), "Partner");
        Api.Caller outsider = new OrganizationFixtures(api(), "Outsider").owner;
        String word = "circle" + System.nanoTime();
        String closed = "Closed " + word;
        String unlisted = "Unlisted " + word;
        String closedId = vigil(host, closed, "PRIVATE");
        String unlistedId = vigil(host, unlisted, "UNLISTED");
        Api.Caller hostMember = host.memberWithRole("MEMBER");
        Api.Caller partnerMember = partner.memberWithRole("MEMBER");
        Api.Caller both = partner.joins(host.memberWithRole("MEMBER"), "MEMBER");
        String partnerPage = "organization=" + partner.organization;

        assertThat(listed(hostMember, "organization=" + host.organization)).contains(closed, unlisted);
        assertThat(listed(partnerMember, "q=" + word)).doesNotContain(closed, unlisted);
        List<String> before = strangersRead(host, partner, outsider);

        for (String id : List.of(closedId, unlistedId)) {
            accept(
                    partner,
                    invite(host.owner, id, partner.organization).get("id").asString());
        }

        // The co-host's members list them on its page, in discovery and in search, as the host's members do.
        for (Api.Caller member : List.of(partnerMember, hostMember, both)) {
            assertThat(listed(member, partnerPage)).contains(closed, unlisted);
            assertThat(listed(member, "q=" + word)).contains(closed, unlisted);
        }
        assertThat(listed(partnerMember, "organization=" + host.organization)).contains(closed, unlisted);
        // A member of both organizations finds each once, though it is on both organizations' timelines.
        assertThat(count(listed(both, "q=" + word), closed)).isEqualTo(1);
        assertThat(count(listed(both, partnerPage), unlisted)).isEqualTo(1);

        // Strangers learn nothing: the same answers, counts, order and ETags as before the co-hosting.
        assertThat(strangersRead(host, partner, outsider)).isEqualTo(before);

        // Ended: the partner's members no longer list them.
        for (String id : List.of(closedId, unlistedId)) {
            host.owner
                    .delete("/api/v1/events/" + id + "/cohosts/" + partner.organization)
                    .expectStatus()
                    .isNoContent();
        }
        assertThat(listed(partnerMember, "q=" + word)).doesNotContain(closed, unlisted);
        assertThat(count(listed(both, "q=" + word), closed)).isEqualTo(1);
        assertThat(strangersRead(host, partner, outsider)).isEqualTo(before);
    }
}
