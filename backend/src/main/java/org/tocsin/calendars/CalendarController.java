package org.tocsin.calendars;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.kernel.PublicUrl;
import reactor.core.publisher.Mono;

@RestController
class CalendarController {

    private final CalendarService calendars;
    private final PublicCalendars publicCalendars;
    private final PublicUrl publicUrl;

    CalendarController(CalendarService calendars, PublicCalendars publicCalendars, PublicUrl publicUrl) {
        this.calendars = calendars;
        this.publicCalendars = publicCalendars;
        this.publicUrl = publicUrl;
    }

    /** Every public calendar (organizations, campaigns, cities with upcoming actions, saved ones) with its feed URLs. */
    @GetMapping("/api/v1/calendars")
    Mono<List<PublicCalendars.Listed>> list() {
        return publicCalendars.all();
    }

    @PostMapping("/api/v1/calendars")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PublicCalendars.Listed> create(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CalendarRequest body) {
        return calendars
                .create(user, body)
                .map(c -> publicCalendars.listed("calendar", c.name(), "/feeds/calendars/" + c.slug()));
    }

    @DeleteMapping("/api/v1/calendars/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return calendars.delete(user, slug);
    }

    /**
     * A member's private feed of the organization, members-only events included. The URL is the
     * credential (calendar apps send no headers): shown once, replaced by asking again.
     */
    @PostMapping("/api/v1/organizations/{slug}/feed-token")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> issueToken(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return calendars.issueToken(user, slug).map(token -> {
            String path = "/feeds/private/" + token + ".ics";
            return Map.of("url", publicUrl.base() + path, "webcal", publicUrl.webcal(path));
        });
    }

    @DeleteMapping("/api/v1/organizations/{slug}/feed-token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return calendars.revokeToken(user, slug);
    }
}
