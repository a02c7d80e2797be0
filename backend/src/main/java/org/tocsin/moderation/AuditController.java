package org.tocsin.moderation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.audit.AuditLog;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import reactor.core.publisher.Mono;

/**
 * An organization's audit log for its ADMIN+ (and a campaign's, for its organization's ADMIN+), newest
 * first, a page at a time ({@code cursor} from the previous page's {@code nextCursor}).
 */
@RestController
class AuditController {

    private final AuditLog audit;
    private final OrganizationService organizations;
    private final CampaignService campaigns;
    private final org.tocsin.organizations.OrganizationAccess access;

    AuditController(
            AuditLog audit,
            OrganizationService organizations,
            CampaignService campaigns,
            org.tocsin.organizations.OrganizationAccess access) {
        this.audit = audit;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.access = access;
    }

    @GetMapping("/api/v1/organizations/{slug}/audit")
    Mono<AuditLog.Page> organization(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return organizations
                .requireBySlug(user, slug, Permission.READ_AUDIT_LOG)
                .flatMap(org -> audit.page(org.id(), null, cursor, limit));
    }

    @GetMapping("/api/v1/campaigns/{slug}/audit")
    Mono<AuditLog.Page> campaign(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return campaigns
                .hostBySlug(slug)
                .switchIfEmpty(Mono.error(Refusal.notFound("Campaign")))
                .flatMap(c -> access.require(user, c.organizationId(), Permission.READ_AUDIT_LOG)
                        .then(audit.page(c.organizationId(), c.id(), cursor, limit)));
    }
}
