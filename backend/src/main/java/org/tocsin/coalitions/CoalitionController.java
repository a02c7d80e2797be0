package org.tocsin.coalitions;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A campaign's call, partners, submissions and review queue; an organization's own submissions. */
@RestController
class CoalitionController {

    private final CallService calls;
    private final SubmissionService submissions;

    CoalitionController(CallService calls, SubmissionService submissions) {
        this.calls = calls;
        this.submissions = submissions;
    }

    /** Public: what the campaign asks of hosts, and whether it takes submissions now. */
    @GetMapping("/api/v1/campaigns/{slug}/call")
    Mono<CallView> call(@PathVariable String slug) {
        return calls.view(slug);
    }

    @PutMapping("/api/v1/campaigns/{slug}/call")
    Mono<CallView> putCall(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @Valid @RequestBody CoalitionRequests.Call body) {
        return calls.put(user, slug, body);
    }

    /**
     * The call's instructions as the public call will show them, before they are saved (the call editor's
     * preview): the same sanitised Markdown, for the campaign's organizers only. Changes nothing.
     */
    @PostMapping("/api/v1/campaigns/{slug}/call/preview")
    Mono<CallPreview> previewCall(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @Valid @RequestBody CoalitionRequests.Preview body) {
        return calls.preview(user, slug, body);
    }

    @GetMapping("/api/v1/campaigns/{slug}/partners")
    Flux<CallService.PartnerView> partners(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return calls.partners(user, slug);
    }

    @PutMapping("/api/v1/campaigns/{slug}/partners")
    Flux<CallService.PartnerView> putPartners(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @Valid @RequestBody CoalitionRequests.Partners body) {
        return calls.putPartners(user, slug, body);
    }

    @PostMapping("/api/v1/campaigns/{slug}/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SubmissionView> submit(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @Valid @RequestBody CoalitionRequests.Submit body) {
        return submissions.submit(user, slug, body);
    }

    /** The review queue, soonest first. */
    @GetMapping("/api/v1/campaigns/{slug}/submissions")
    Mono<List<SubmissionView>> queue(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @RequestParam(required = false) SubmissionState state,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "100") int limit) {
        return submissions.queue(user, slug, state, city, from, to, limit);
    }

    @PostMapping("/api/v1/campaigns/{slug}/submissions/{id}/approve")
    Mono<SubmissionView> approve(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String slug, @PathVariable String id) {
        return submissions.approve(user, slug, id);
    }

    @PostMapping("/api/v1/campaigns/{slug}/submissions/approve")
    Mono<List<SubmissionView>> approveAll(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @Valid @RequestBody CoalitionRequests.Bulk body) {
        return submissions.approveAll(user, slug, body);
    }

    @PostMapping("/api/v1/campaigns/{slug}/submissions/{id}/decline")
    Mono<SubmissionView> decline(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @PathVariable String id,
            @Valid @RequestBody CoalitionRequests.Decline body) {
        return submissions.decline(user, slug, id, body);
    }

    @DeleteMapping("/api/v1/campaigns/{slug}/submissions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug, @PathVariable String id) {
        return submissions.withdraw(user, slug, id);
    }

    /** The organization's own submissions and what became of them: its dashboard. */
    @GetMapping("/api/v1/organizations/{slug}/submissions")
    Mono<List<SubmissionView>> ofOrganization(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return submissions.ofOrganization(user, slug);
    }
}
