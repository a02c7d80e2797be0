package org.tocsin.calendars;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import reactor.core.publisher.Mono;

/** {@code /api/v1/me/calendar-feed}: issue (or replace) and revoke the address of your own RSVP calendar. */
@RestController
class PersonalCalendarController {

    private final PersonalCalendars feeds;

    PersonalCalendarController(PersonalCalendars feeds) {
        this.feeds = feeds;
    }

    @PostMapping("/api/v1/me/calendar-feed")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PersonalCalendars.FeedAddress> issue(@AuthenticationPrincipal CurrentUser user) {
        return feeds.issue(user.id());
    }

    @DeleteMapping("/api/v1/me/calendar-feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(@AuthenticationPrincipal CurrentUser user) {
        return feeds.revoke(user.id());
    }
}
