package org.tocsin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.tocsin.kernel.Refusal;
import org.tocsin.kernel.Refusal.Reason;

/**
 * The edge's one mapping from a domain refusal to what a client reads. The statuses, types and titles
 * are the API's contract (the README lists the types): this table is what they were when services
 * still threw HTTP problems themselves, so a change here is a change clients see.
 */
class RefusalMappingTest {

    private record Answer(HttpStatus status, String type, String title) {}

    private static final Map<Reason, Answer> CONTRACT = Map.ofEntries(
            Map.entry(Reason.INVALID, new Answer(HttpStatus.BAD_REQUEST, "/problems/validation", "Invalid request")),
            Map.entry(
                    Reason.BAD_CREDENTIALS,
                    new Answer(HttpStatus.UNAUTHORIZED, "/problems/bad-credentials", "Sign-in failed")),
            Map.entry(
                    Reason.BAD_SECOND_FACTOR,
                    new Answer(HttpStatus.UNAUTHORIZED, "/problems/bad-second-factor", "Sign-in failed")),
            Map.entry(
                    Reason.WRONG_CODE, new Answer(HttpStatus.BAD_REQUEST, "/problems/bad-second-factor", "Wrong code")),
            Map.entry(
                    Reason.TWO_FACTOR_REQUIRED,
                    new Answer(HttpStatus.FORBIDDEN, "/problems/two-factor-required", "Two-factor sign-in required")),
            Map.entry(Reason.FORBIDDEN, new Answer(HttpStatus.FORBIDDEN, "/problems/forbidden", "Forbidden")),
            Map.entry(
                    Reason.EMAIL_NOT_VERIFIED,
                    new Answer(HttpStatus.FORBIDDEN, "/problems/email-not-verified", "Email address not verified")),
            Map.entry(
                    Reason.CAMPAIGN_CLOSED,
                    new Answer(HttpStatus.FORBIDDEN, "/problems/campaign-closed", "Campaign closed to your events")),
            Map.entry(Reason.NOT_FOUND, new Answer(HttpStatus.NOT_FOUND, "/problems/not-found", "Not found")),
            Map.entry(Reason.CONFLICT, new Answer(HttpStatus.CONFLICT, "/problems/conflict", "Conflict")),
            Map.entry(Reason.EMAIL_TAKEN, new Answer(HttpStatus.CONFLICT, "/problems/email-taken", "Conflict")),
            Map.entry(Reason.SLUG_TAKEN, new Answer(HttpStatus.CONFLICT, "/problems/slug-taken", "Conflict")),
            Map.entry(Reason.LAST_OWNER, new Answer(HttpStatus.CONFLICT, "/problems/last-owner", "Conflict")),
            Map.entry(Reason.RSVPS_CLOSED, new Answer(HttpStatus.CONFLICT, "/problems/rsvps-closed", "RSVPs closed")),
            Map.entry(Reason.EVENT_ENDED, new Answer(HttpStatus.CONFLICT, "/problems/event-ended", "Event ended")),
            Map.entry(
                    Reason.EVENT_CANCELLED,
                    new Answer(HttpStatus.CONFLICT, "/problems/event-cancelled", "Event cancelled")),
            Map.entry(Reason.NO_ROOM, new Answer(HttpStatus.CONFLICT, "/problems/no-room", "No room")),
            Map.entry(
                    Reason.RATE_LIMITED,
                    new Answer(HttpStatus.TOO_MANY_REQUESTS, "/problems/rate-limited", "Too many requests")),
            Map.entry(Reason.TRY_AGAIN, new Answer(HttpStatus.SERVICE_UNAVAILABLE, "/problems/internal", "Try again")));

    @Test
    void everyReasonHasItsStatusTypeAndTitle() {
        assertThat(CONTRACT.keySet()).isEqualTo(Set.copyOf(EnumSet.allOf(Reason.class)));
        CONTRACT.forEach((reason, answer) -> {
            ApiProblem problem = ApiProblem.from(Refusal.of(reason, "the detail"));
            assertThat(new Answer(problem.status(), problem.type(), problem.title()))
                    .as(reason.name())
                    .isEqualTo(answer);
            assertThat(problem.detail()).isEqualTo("the detail");
        });
    }

    @Test
    void fieldsAndRetryAfterCrossTheEdgeUnchanged() {
        ApiProblem invalid = ApiProblem.from(Refusal.invalid("place.lat", "lat and lon go together"));
        assertThat(invalid.detail()).isEqualTo("place.lat: lat and lon go together");
        assertThat(invalid.errors()).containsExactly(new Refusal.FieldProblem("place.lat", "lat and lon go together"));

        ApiProblem limited = ApiProblem.from(Refusal.rateLimited(Duration.ofMillis(1500)));
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(limited.detail()).isEqualTo("Too many attempts; try again in 1 seconds");
    }
}
