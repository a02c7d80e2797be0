package org.tocsin.events;

import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.accounts.TwoFactorFixtures;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;

/**
 * An organization that requires two-factor sign-in of its organizers: those without it keep reading
 * what members read and are refused every organizer's act, with a problem that says why, until they set it up.
 */
class OrganizationTwoFactorTest extends IntegrationTest {

    @Test
    void organizersWithoutTwoFactorReadButDoNotWriteUntilTheySetItUp() {
        EventFixtures f = new EventFixtures(api());
        Api.Caller organizer = f.memberWithRole("ORGANIZER");
        Api.Caller member = f.memberWithRole("MEMBER");
        String policy = "/api/v1/organizations/" + f.organization + "/two-factor-policy";

        // Only someone who has it may require it; members may not set it at all.
        expectProblem(f.owner.put(policy, Map.of("required", true)), 403, "/problems/two-factor-required");
        expectProblem(member.put(policy, Map.of("required", false)), 403, "/problems/forbidden");
        TwoFactorFixtures.enrol(f.owner);
        f.owner
                .put(policy, Map.of("required", true))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.required")
                .isEqualTo(true);

        organizer
                .get(policy)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.required")
                .isEqualTo(true)
                .jsonPath("$.youHaveIt")
                .isEqualTo(false);
        Map<String, Object> vigil = f.vigil("2027-04-01T18:00", "2027-04-01T19:00");
        expectProblem(organizer.post("/api/v1/events", vigil), 403, "/problems/two-factor-required");
        // Read access stays: the member list is for members.
        organizer
                .get("/api/v1/organizations/" + f.organization + "/members")
                .expectStatus()
                .isOk();
        // Members are not asked for it.
        member.get("/api/v1/organizations/" + f.organization + "/members")
                .expectStatus()
                .isOk();
        // The owner, who has it, acts as before.
        f.owner.post("/api/v1/events", vigil).expectStatus().isCreated();

        TwoFactorFixtures.enrol(organizer);
        organizer.post("/api/v1/events", vigil).expectStatus().isCreated();

        // Lifted again: the rule no longer applies.
        f.owner.put(policy, Map.of("required", false)).expectStatus().isOk();
        f.memberWithRole("ORGANIZER")
                .post("/api/v1/events", vigil)
                .expectStatus()
                .isCreated();
    }
}
