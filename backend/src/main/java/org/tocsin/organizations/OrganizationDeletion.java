package org.tocsin.organizations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.AccountService;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.accounts.PasskeyCredential;
import org.tocsin.accounts.Reconfirmation;
import org.tocsin.audit.AuditLog;
import org.tocsin.kernel.Refusal;
import org.tocsin.mail.MailMessage;
import org.tocsin.mail.Mailer;
import org.tocsin.organizations.internal.InvitationStore;
import org.tocsin.organizations.internal.MembershipDocument;
import org.tocsin.organizations.internal.OrganizationDocument;
import org.tocsin.organizations.internal.OrganizationStore;
import org.tocsin.organizations.internal.TwoFactorPolicyStore;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deleting an organization, by one of its OWNERs, with their password (and second-factor code)
 * confirmed again. The OWNER first reads what will go ({@link #preview}); the deletion then removes each
 * feature's part in order ({@link OrganizationErasure}: RSVPs, webhooks, imports, events with their public
 * tombstones, the campaigns it runs), its audit log, invitations, two-factor policy, memberships and
 * finally the organization itself, so a deletion cut off half-way can be asked again. Its members are
 * mailed (not told who asked). Also the step an account deletion takes for the organizations its person
 * chose to delete with it ({@link #eraseFor}).
 */
@Service
public class OrganizationDeletion {

    /** More members than this are not mailed one by one in the request: the rest learn it from the app. */
    static final int MAX_MAILED = 5_000;

    private final OrganizationStore store;
    private final InvitationStore invitations;
    private final TwoFactorPolicyStore policies;
    private final OrganizationAccess access;
    private final ObjectProvider<OrganizationErasure> parts;
    private final Reconfirmation reconfirmation;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Takedowns takedowns;
    private final Mailer mailer;

    OrganizationDeletion(
            OrganizationStore store,
            InvitationStore invitations,
            TwoFactorPolicyStore policies,
            OrganizationAccess access,
            ObjectProvider<OrganizationErasure> parts,
            Reconfirmation reconfirmation,
            AccountService accounts,
            AuditLog audit,
            Takedowns takedowns,
            Mailer mailer) {
        this.store = store;
        this.invitations = invitations;
        this.policies = policies;
        this.access = access;
        this.parts = parts;
        this.reconfirmation = reconfirmation;
        this.accounts = accounts;
        this.audit = audit;
        this.takedowns = takedowns;
        this.mailer = mailer;
    }

    /**
     * What deleting would remove: counts per part (members and invitations first), and whether the
     * caller's second factor is asked, and what may answer for it.
     */
    public record Preview(
            String slug,
            String name,
            Map<String, Long> counts,
            boolean secondFactorRequired,
            List<String> secondFactorMethods) {}

    Mono<Preview> preview(CurrentUser user, String slug) {
        return owned(user, slug)
                .flatMap(org -> Mono.zip(counts(org.id()), reconfirmation.secondFactorMethods(user.id()))
                        .map(t -> new Preview(
                                org.slug(), org.name(), t.getT1(), !t.getT2().isEmpty(), t.getT2())));
    }

    /** The counts alone, for an account deletion's preview. */
    public Mono<Map<String, Long>> counts(String organizationId) {
        Flux<Map.Entry<String, Long>> own = Flux.concat(
                store.memberCount(organizationId).map(n -> Map.entry("members", n)),
                invitations.countOf(organizationId).map(n -> Map.entry("invitations", n)));
        Flux<Map.Entry<String, Long>> others = Flux.fromStream(parts::orderedStream)
                .concatMap(part -> part.count(organizationId).map(n -> Map.entry(part.kind(), n)));
        return Flux.concat(own, others)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
                .map(m -> (Map<String, Long>) m);
    }

    Mono<Void> delete(CurrentUser user, String slug, String password, String code, PasskeyCredential passkey) {
        return owned(user, slug)
                .flatMap(org ->
                        reconfirmation.confirm(user, password, code, passkey).then(erase(org)));
    }

    /**
     * Deletes the organization for its person's account deletion, which has confirmed them already and
     * checked that they are its only OWNER. An organization they hold no OWNER membership of is refused.
     */
    public Mono<Void> eraseFor(String userId, String slug) {
        return store.bySlug(slug)
                .filterWhen(org -> store.membership(org.id(), userId)
                        .map(m -> m.role() == Role.OWNER)
                        .defaultIfEmpty(false))
                .switchIfEmpty(Mono.error(
                        Refusal.invalid("deleteOrganizations", "names an organization you are not an OWNER of")))
                .flatMap(this::erase);
    }

    /** Its OWNERs alone (a platform admin too, as everywhere); anyone else reads it as unknown or forbidden. */
    private Mono<OrganizationDocument> owned(CurrentUser user, String slug) {
        return store.bySlug(slug)
                .switchIfEmpty(Mono.error(Refusal.notFound("Organization")))
                .flatMap(org -> access.roleOf(user, org.id())
                        .flatMap(role -> role.isEmpty()
                                ? Mono.error(Refusal.notFound("Organization"))
                                : Permission.DELETE_ORGANIZATION.grantedTo(role.get())
                                        ? Mono.just(org)
                                        : Mono.error(Refusal.forbidden("Only its OWNERs delete an organization"))));
    }

    private Mono<Void> erase(OrganizationDocument org) {
        String id = org.id();
        // The addresses are read first: once the memberships go, nobody knows who was in it.
        return store.members(id)
                .take(MAX_MAILED)
                .map(MembershipDocument::userId)
                .concatMap(accounts::findById)
                .map(CurrentUser::email)
                .collectList()
                .flatMap(addresses -> Flux.fromStream(parts::orderedStream)
                        .concatMap(part -> part.erase(id))
                        .then(audit.forgetOrganization(id, List.of()))
                        .then(invitations.deleteOf(id))
                        .then(policies.delete(id))
                        .then(takedowns.restore(Takedowns.Kind.ORGANIZATION, id))
                        .then(Flux.fromIterable(addresses)
                                .concatMap(address -> mailer.enqueue(mailTo(address, org)))
                                .then())
                        .then(store.deleteWithMemberships(id)))
                .then();
    }

    private static MailMessage mailTo(String address, OrganizationDocument org) {
        return new MailMessage(
                address,
                "Tocsin: the organization " + org.name() + " was deleted",
                "The organization \u201c" + org.name() + "\u201d (" + org.slug()
                        + ") was deleted just now by one of its"
                        + " OWNERs, and with it its events, their RSVPs and notes, its invitations, imports, webhooks,"
                        + " member calendar addresses, campaigns and audit log. You are no longer its member;"
                        + " your account stays as it was.\n",
                List.of());
    }
}
