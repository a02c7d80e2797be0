package org.tocsin.coalitions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
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
import reactor.core.publisher.Mono;

/** Co-hosting: an event's invitations (its host's side) and an organization's (the invited side). */
@RestController
class CoHostController {

    private final CoHostService cohosts;

    CoHostController(CoHostService cohosts) {
        this.cohosts = cohosts;
    }

    /** An organization to invite, by its slug. */
    record Invite(@NotBlank @Size(max = 64) String organization) {}

    @PostMapping("/api/v1/events/{id}/cohosts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CoHostView> invite(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @Valid @RequestBody Invite body) {
        return cohosts.invite(user, id, body.organization());
    }

    @GetMapping("/api/v1/events/{id}/cohosts")
    Mono<List<CoHostView>> ofEvent(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return cohosts.ofEvent(user, id);
    }

    @DeleteMapping("/api/v1/events/{id}/cohosts/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> end(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String slug) {
        return cohosts.end(user, id, slug);
    }

    @GetMapping("/api/v1/organizations/{slug}/cohost-invitations")
    Mono<List<CoHostView>> pending(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return cohosts.pending(user, slug);
    }

    @PostMapping("/api/v1/organizations/{slug}/cohost-invitations/{id}/accept")
    Mono<CoHostView> accept(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String slug, @PathVariable String id) {
        return cohosts.accept(user, slug, id);
    }

    @PostMapping("/api/v1/organizations/{slug}/cohost-invitations/{id}/decline")
    Mono<CoHostView> decline(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String slug, @PathVariable String id) {
        return cohosts.decline(user, slug, id);
    }
}
