package org.tocsin.rsvps;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import reactor.core.publisher.Mono;

/** The per-date RSVP view of a series, for its organizers: counts per occurrence, no names. */
@RestController
class OccurrenceCountsController {

    private final OccurrenceCounts counts;

    OccurrenceCountsController(OccurrenceCounts counts) {
        this.counts = counts;
    }

    @GetMapping("/api/v1/events/{id}/rsvps/by-date")
    Mono<List<OccurrenceCounts.DateCounts>> byDate(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Integer days) {
        return counts.byDate(user, id, from, days);
    }
}
