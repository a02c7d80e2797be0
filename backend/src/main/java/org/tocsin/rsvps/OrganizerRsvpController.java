package org.tocsin.rsvps;

import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import reactor.core.publisher.Mono;

/** The organizers' RSVP routes under the event: list, CSV export, approve, decline, remove. */
@RestController
class OrganizerRsvpController {

    private static final String BASE = "/api/v1/events/{id}/rsvps";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=utf-8");

    private final OrganizerRsvps organizer;

    OrganizerRsvpController(OrganizerRsvps organizer) {
        this.organizer = organizer;
    }

    /** {@code occurrence}: one occurrence's RSVPs (its key, as the RSVPs name it); absent, all. */
    @GetMapping(BASE)
    Mono<List<OrganizerRsvps.Entry>> list(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @RequestParam(required = false) String occurrence) {
        return organizer.list(user, id, occurrence);
    }

    @GetMapping(BASE + ".csv")
    Mono<ResponseEntity<byte[]>> csv(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @RequestParam(required = false) String occurrence) {
        return organizer
                .list(user, id, occurrence)
                .map(entries -> ResponseEntity.ok()
                        .contentType(CSV)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename("rsvps-" + id + ".csv")
                                        .build()
                                        .toString())
                        // Names and emails: no shared cache may keep them.
                        .cacheControl(CacheControl.noStore())
                        .body(RsvpCsv.render(entries)));
    }

    @PostMapping(BASE + "/{rsvpId}/approve")
    Mono<OrganizerRsvps.Entry> approve(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String rsvpId) {
        return organizer
                .approve(user, id, rsvpId)
                .map(r -> OrganizerRsvps.entries(List.of(r)).getFirst());
    }

    @PostMapping(BASE + "/{rsvpId}/decline")
    Mono<OrganizerRsvps.Entry> decline(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String rsvpId) {
        return organizer
                .decline(user, id, rsvpId)
                .map(r -> OrganizerRsvps.entries(List.of(r)).getFirst());
    }

    @DeleteMapping(BASE + "/{rsvpId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String rsvpId) {
        return organizer.remove(user, id, rsvpId);
    }
}
