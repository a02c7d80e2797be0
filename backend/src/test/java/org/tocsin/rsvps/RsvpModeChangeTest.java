package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.rsvps.RsvpFixtures.rsvp;
import static org.tocsin.support.Problems.expectProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;

/** Switching an event's RSVP mode keeps those already seated or in line where they are. */
class RsvpModeChangeTest extends IntegrationTest {

    @Test
    void closingTakesNobodyNewButKeepsThoseAlreadyIn() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(5);
        String token =
                f.answer(event, rsvp("In", "GOING", 1)).get("manageToken").asString();
        f.owner
                .patch("/api/v1/events/" + event, Map.of("rsvpMode", "CLOSED"))
                .expectStatus()
                .isOk();
        Api.Caller guest = api().anonymous();
        expectProblem(
                guest.post("/api/v1/events/" + event + "/rsvps", rsvp("New", "GOING", 0)),
                409,
                "/problems/rsvps-closed");
        guest.patch("/api/v1/rsvps/" + token, Map.of("name", "Renamed", "guests", 0))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("GOING");
        expectProblem(guest.patch("/api/v1/rsvps/" + token, Map.of("guests", 3)), 409, "/problems/rsvps-closed");
    }

    @Test
    void switchingToApprovalKeepsThoseAlreadySeated() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(5);
        String token =
                f.answer(event, rsvp("In", "GOING", 0)).get("manageToken").asString();
        f.owner
                .patch("/api/v1/events/" + event, Map.of("rsvpMode", "APPROVAL"))
                .expectStatus()
                .isOk();
        api().anonymous()
                .patch("/api/v1/rsvps/" + token, Map.of("guests", 2))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("GOING");
        assertThat(f.answer(event, rsvp("Later", "GOING", 0)).get("state").asString())
                .isEqualTo("PENDING");
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(3);
    }
}
