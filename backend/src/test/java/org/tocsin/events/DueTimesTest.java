package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tocsin.events.internal.EventDocument;

/** What the scheduled publisher and revealer are told to look at, from the events the index is given. */
class DueTimesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final DueTimes due = new DueTimes();

    @Test
    void aScheduledDraftIsDueAtItsTimeAndForgottenOncePublishedOrDeleted() {
        EventDocument draft = GeneratedEvents.nth(1, NOW).toBuilder()
                .publication(new EventDocument.Publication(true, NOW.plusSeconds(60)))
                .build();
        EventDocument unscheduled = GeneratedEvents.nth(2, NOW).toBuilder()
                .publication(new EventDocument.Publication(true, null))
                .build();
        due.track(draft);
        due.track(unscheduled);

        assertThat(due.publications(NOW, 10)).isEmpty();
        assertThat(due.publications(NOW.plusSeconds(60), 10)).containsExactly(draft.id());

        due.track(draft.toBuilder().publication(null).build());
        assertThat(due.publications(NOW.plusSeconds(60), 10)).isEmpty();

        due.track(draft);
        due.track(draft.toBuilder().deletedAt(NOW).build());
        assertThat(due.publications(NOW.plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void venuesKeptForAttendeesAreDueAtTheirRevealSoonestFirstAndNoMoreThanAsked() {
        for (int i = 0; i < 5; i++) {
            due.track(GeneratedEvents.nth(10 + i, NOW).toBuilder()
                    .locationVisibility(
                            LocationVisibility.ATTENDEES,
                            new EventDocument.LocationReveal(NOW.minusSeconds(10L * (5 - i)), null))
                    .build());
        }
        EventDocument later = GeneratedEvents.nth(20, NOW).toBuilder()
                .locationVisibility(
                        LocationVisibility.ATTENDEES, new EventDocument.LocationReveal(NOW.plusSeconds(3600), null))
                .build();
        due.track(later);

        assertThat(due.reveals(NOW, 3))
                .containsExactly(
                        GeneratedEvents.nth(10, NOW).id(),
                        GeneratedEvents.nth(11, NOW).id(),
                        GeneratedEvents.nth(12, NOW).id());
        assertThat(due.reveals(NOW, 10)).hasSize(5).doesNotContain(later.id());

        due.track(later.toBuilder()
                .locationVisibility(LocationVisibility.PUBLIC, null)
                .build());
        assertThat(due.reveals(NOW.plusSeconds(7200), 10)).hasSize(5).doesNotContain(later.id());
    }
}
