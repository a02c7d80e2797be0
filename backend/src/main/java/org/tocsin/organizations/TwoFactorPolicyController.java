package org.tocsin.organizations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.accounts.TwoFactor;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.internal.TwoFactorPolicyStore;
import reactor.core.publisher.Mono;

/**
 * Whether an organization requires two-factor sign-in of its ORGANIZER+ members: members read it (and
 * whether they themselves have it), ADMINs and OWNERs set it. Only someone who has two-factor sign-in
 * can turn the requirement on, so nobody locks themselves out of managing it.
 */
@RestController
class TwoFactorPolicyController {

    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final TwoFactorPolicyStore policies;
    private final TwoFactor twoFactor;
    private final Clock clock;

    TwoFactorPolicyController(
            OrganizationService organizations,
            OrganizationAccess access,
            TwoFactorPolicyStore policies,
            TwoFactor twoFactor,
            Clock clock) {
        this.organizations = organizations;
        this.access = access;
        this.policies = policies;
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    /** {@code youHaveIt}: whether the caller signs in with a second factor (if not and required, they only read). */
    record Policy(boolean required, boolean youHaveIt) {}

    record PolicyChange(@NotNull Boolean required) {}

    @GetMapping("/api/v1/organizations/{slug}/two-factor-policy")
    Mono<Policy> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return organization(slug)
                .flatMap(org -> access.require(user, org.id(), Permission.VIEW_MEMBERS_ONLY)
                        .then(policy(user, org.id())));
    }

    @PutMapping("/api/v1/organizations/{slug}/two-factor-policy")
    Mono<Policy> set(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @Valid @RequestBody PolicyChange change) {
        return organization(slug)
                .flatMap(org -> access.require(user, org.id(), Permission.EDIT_ORGANIZATION)
                        .then(twoFactor.enabled(user.id()))
                        .flatMap(has -> has || !change.required()
                                ? policies.set(org.id(), change.required(), clock.instant())
                                : Mono.error(Refusal.of(
                                        Refusal.Reason.TWO_FACTOR_REQUIRED,
                                        "Set up two-factor sign-in yourself before requiring it of others")))
                        .then(policy(user, org.id())));
    }

    private Mono<Policy> policy(CurrentUser user, String organizationId) {
        return Mono.zip(policies.required(organizationId), twoFactor.enabled(user.id()))
                .map(t -> new Policy(t.getT1(), t.getT2()));
    }

    private Mono<OrganizationRef> organization(String slug) {
        return organizations.findBySlug(slug).switchIfEmpty(Mono.error(Refusal.notFound("Organization")));
    }
}
