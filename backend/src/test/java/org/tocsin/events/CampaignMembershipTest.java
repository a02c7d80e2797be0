package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.IntegrationTest;

/**
 * Issue 10 #5/#6: a campaign's page, counts, feeds and partners' widgets show its events at once, so
 * until submissions with approval exist only ORGANIZERs of the campaign's organization put events in it.
 */
class CampaignMembershipTest extends IntegrationTest {

    private String campaign(EventFixtures coalition) {
        String slug = "day-of-action-" + System.nanoTime();
        coalition
                .owner
                .post(
                        "/api/v1/campaigns",
                        Map.of(
                                "name",
                                "United Against Executions",
                                "slug",
                                slug,
                                "startsOn",
                                "2027-10-10",
                                "endsOn",
                                "2027-10-10",
                                "organization",
                                coalition.organization))
                .expectStatus()
                .isCreated();
        return slug;
    }

    private void expectEvents(String campaign, int count) {
        web.get()
                .uri("/api/v1/campaigns/" + campaign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.totalEvents")
                .isEqualTo(count);
    }

    @Test
    void anotherOrganizationCannotPlantAnEventInTheCampaignNorMoveOneIntoIt() {
        EventFixtures coalition = new EventFixtures(api());
        String slug = campaign(coalition);
        EventFixtures hostile = new EventFixtures(api());

        Map<String, Object> decoy = hostile.vigil("2027-10-10T18:00", "2027-10-10T19:00");
        decoy.put("campaign", slug);
        expectProblem(hostile.owner.post("/api/v1/events", decoy), 403, "/problems/campaign-closed")
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains(slug));
        // Nothing was stored: the hostile organization has no event at all.
        assertThat(hostile.discover(hostile.owner, "")).isEmpty();

        decoy.remove("campaign");
        String id = hostile.create(decoy).get("id").asString();
        expectProblem(
                hostile.owner.patch("/api/v1/events/" + id, Map.of("campaign", slug)),
                403,
                "/problems/campaign-closed");
        hostile.owner
                .get("/api/v1/events/" + id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.campaign")
                .doesNotExist();
        expectEvents(slug, 0);

        // A plain MEMBER of the coalition may not either; its ORGANIZERs may.
        coalition.joins(hostile.owner, "MEMBER");
        expectProblem(
                hostile.owner.patch("/api/v1/events/" + id, Map.of("campaign", slug)),
                403,
                "/problems/campaign-closed");
        Map<String, Object> own = coalition.vigil("2027-10-10T18:00", "2027-10-10T19:00");
        own.put("campaign", slug);
        coalition.create(own);
        expectEvents(slug, 1);
    }

    @Test
    void aCoalitionOrganizerAddsHisGroupsEventAndItStaysWhenHeLeaves() {
        EventFixtures coalition = new EventFixtures(api());
        String slug = campaign(coalition);
        EventFixtures local = new EventFixtures(api());
        coalition.joins(local.owner, "ORGANIZER");

        Map<String, Object> vigil = local.vigil("2027-10-10T18:00", "2027-10-10T19:00");
        vigil.put("campaign", slug);
        String id = local.create(vigil).get("id").asString();
        expectEvents(slug, 1);

        local.owner
                .delete("/api/v1/organizations/" + coalition.organization + "/members/" + local.owner.userId())
                .expectStatus()
                .isNoContent();
        // Existing events stay, and stay editable by their own organization.
        local.owner
                .patch("/api/v1/events/" + id, Map.of("title", "Vigil, moved indoors"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.campaign.slug")
                .isEqualTo(slug);
        expectEvents(slug, 1);
        // But a second one can no longer go in.
        expectProblem(local.owner.post("/api/v1/events", vigil), 403, "/problems/campaign-closed");
        expectEvents(slug, 1);
    }
}
