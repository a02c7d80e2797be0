package org.tocsin.organizations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.kernel.Refusal;
import org.tocsin.kernel.Slugs;
import org.tocsin.text.MultiLine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class OrganizationController {

    static final int MAX_NAME = 120;
    static final int MAX_DESCRIPTION = 2000;

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    record CreateOrganization(
            @NotBlank @Size(max = MAX_NAME) String name,

            @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
            String slug,

            @Size(max = MAX_DESCRIPTION) @MultiLine String description) {}

    /** Absent fields stay as they are. */
    record UpdateOrganization(
            @Size(min = 1, max = MAX_NAME) String name,
            @Size(max = MAX_DESCRIPTION) @MultiLine String description) {}

    record SetRole(@NotNull Role role) {}

    @PostMapping("/api/v1/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OrganizationView> create(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CreateOrganization body) {
        return organizations.create(
                user,
                body.name().strip(),
                body.slug(),
                body.description() == null ? "" : body.description().strip());
    }

    @GetMapping("/api/v1/organizations/{slug}")
    Mono<OrganizationView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return organizations.view(user, slug);
    }

    @PatchMapping("/api/v1/organizations/{slug}")
    Mono<OrganizationView> update(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @Valid @RequestBody UpdateOrganization body) {
        if (body.name() != null && body.name().isBlank()) {
            return Mono.error(Refusal.invalid("name", "must not be blank"));
        }
        return organizations.update(
                user,
                slug,
                body.name() == null ? null : body.name().strip(),
                body.description() == null ? null : body.description().strip());
    }

    @GetMapping("/api/v1/me/organizations")
    Flux<OrganizationView> mine(@AuthenticationPrincipal CurrentUser user) {
        return organizations.mine(user);
    }

    @GetMapping("/api/v1/organizations/{slug}/members")
    Mono<List<MemberView>> members(@AuthenticationPrincipal CurrentUser user, @PathVariable String slug) {
        return organizations.members(user, slug);
    }

    @PutMapping("/api/v1/organizations/{slug}/members/{userId}")
    Mono<MemberView> setRole(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @PathVariable String userId,
            @Valid @RequestBody SetRole body) {
        return organizations.setRole(user, slug, userId, body.role());
    }

    @DeleteMapping("/api/v1/organizations/{slug}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String slug, @PathVariable String userId) {
        return organizations.remove(user, slug, userId);
    }
}
