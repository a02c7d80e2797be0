package org.tocsin.moderation;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.accounts.Suspensions;
import org.tocsin.ratelimits.ClientAddress;
import org.tocsin.ratelimits.RateLimiter;
import reactor.core.publisher.Mono;

/** Reporting (anyone), and the platform admins' moderation queue and actions. */
@RestController
class ModerationController {

    private final Reports reports;
    private final ModerationActions actions;
    private final RateLimiter rateLimiter;

    ModerationController(Reports reports, ModerationActions actions, RateLimiter rateLimiter) {
        this.reports = reports;
        this.actions = actions;
        this.rateLimiter = rateLimiter;
    }

    /** The same answer whether the report was kept or not (see {@link Reports}); no account needed. */
    record Received(boolean received) {}

    @PostMapping("/api/v1/reports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Received> report(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody ModerationRequests.Report body,
            ServerWebExchange exchange) {
        return rateLimiter
                .consume("report-per-address", ClientAddress.of(exchange))
                .then(reports.report(user, body))
                .thenReturn(new Received(true));
    }

    @GetMapping("/api/v1/moderation/reports")
    Mono<List<ReportView>> queue(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) ReportState state,
            @RequestParam(defaultValue = "100") int limit) {
        return reports.queue(user, state, limit);
    }

    @PostMapping("/api/v1/moderation/reports/{id}/dismiss")
    Mono<ReportView> dismiss(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return reports.dismiss(user, id);
    }

    @GetMapping("/api/v1/moderation/takedowns")
    Mono<List<ModerationActions.TakedownView>> takedowns(@AuthenticationPrincipal CurrentUser user) {
        return actions.takedowns(user);
    }

    @PostMapping("/api/v1/moderation/events/{id}/hide")
    Mono<ModerationActions.Outcome> hideEvent(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return actions.hideEvent(user, id);
    }

    @PostMapping("/api/v1/moderation/events/{id}/restore")
    Mono<ModerationActions.Outcome> restoreEvent(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return actions.restoreEvent(user, id);
    }

    @PostMapping("/api/v1/moderation/organizations/{id}/hide")
    Mono<ModerationActions.Outcome> hideOrganization(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return actions.hideOrganization(user, id);
    }

    @PostMapping("/api/v1/moderation/organizations/{id}/restore")
    Mono<ModerationActions.Outcome> restoreOrganization(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return actions.restoreOrganization(user, id);
    }

    @GetMapping("/api/v1/moderation/suspensions")
    Mono<List<Suspensions.SuspensionView>> suspensions(@AuthenticationPrincipal CurrentUser user) {
        return actions.suspended(user);
    }

    @PostMapping("/api/v1/moderation/accounts/{userId}/suspend")
    Mono<Suspensions.Suspended> suspend(@AuthenticationPrincipal CurrentUser user, @PathVariable String userId) {
        return actions.suspend(user, userId);
    }

    @DeleteMapping("/api/v1/moderation/accounts/{userId}/suspend")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> lift(@AuthenticationPrincipal CurrentUser user, @PathVariable String userId) {
        return actions.lift(user, userId);
    }
}
