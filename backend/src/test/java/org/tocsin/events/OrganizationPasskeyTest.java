package org.tocsin.events;

import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.accounts.PasskeyFixtures;
import org.tocsin.accounts.SoftAuthenticator;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;

/** A passkey alone is two-factor sign-in for an organization that requires it of its organizers. */
class OrganizationPasskeyTest extends IntegrationTest {

    @Test
    void aPasskeyAloneSatisfiesTheRequirement() {
        EventFixtures f = new EventFixtures(api());
        Api.Caller organizer = f.memberWithRole("ORGANIZER");
        String policy = "/api/v1/organizations/" + f.organization + "/two-factor-policy";

        // The owner may require it with only a passkey of their own.
        PasskeyFixtures.enrol(f.owner, new SoftAuthenticator(), "Owner's phone");
        f.owner.put(policy, Map.of("required", true)).expectStatus().isOk();

        Map<String, Object> vigil = f.vigil("2027-04-01T18:00", "2027-04-01T19:00");
        expectProblem(organizer.post("/api/v1/events", vigil), 403, "/problems/two-factor-required");
        PasskeyFixtures.enrol(organizer, new SoftAuthenticator(), "Security key");
        organizer
                .get(policy)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.youHaveIt")
                .isEqualTo(true);
        organizer.post("/api/v1/events", vigil).expectStatus().isCreated();
    }
}
