package org.tocsin.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.internal.AccountLinkDocument;
import org.tocsin.accounts.internal.AccountLinkStore;
import org.tocsin.accounts.internal.AccountStore;
import org.tocsin.accounts.internal.PasskeyStore;
import org.tocsin.accounts.internal.TwoFactorStore;
import org.tocsin.kernel.Refusal;
import org.tocsin.mail.MailMessage;
import org.tocsin.mail.Mailer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deleting one's own account. The person first reads exactly what will happen ({@link #preview}); the
 * deletion then takes the password (and the second factor's code or passkey, if on), is refused while they are the only
 * OWNER of an organization that is neither handed on (someone else made OWNER) nor deleted with it, and
 * removes at once: each feature's
 * part ({@link PersonalErasure}: memberships, RSVPs), every credential ({@link CredentialRevocation}), the
 * second factor and passkeys, mailed links, sessions, and the account itself, last, so a deletion cut off half-way
 * can be asked again. A confirmation is mailed to the address the account had.
 */
@Service
class AccountDeletion {

    private final AccountService accounts;
    private final AccountStore store;
    private final TwoFactorStore twoFactors;
    private final PasskeyStore passkeys;
    private final AccountLinkStore links;
    private final CredentialRevocation revocation;
    private final ObjectProvider<PersonalErasure> parts;
    private final Mailer mailer;
    private final Reconfirmation reconfirmation;

    AccountDeletion(
            AccountService accounts,
            AccountStore store,
            TwoFactorStore twoFactors,
            PasskeyStore passkeys,
            AccountLinkStore links,
            CredentialRevocation revocation,
            ObjectProvider<PersonalErasure> parts,
            Mailer mailer,
            Reconfirmation reconfirmation) {
        this.reconfirmation = reconfirmation;
        this.accounts = accounts;
        this.store = store;
        this.twoFactors = twoFactors;
        this.passkeys = passkeys;
        this.links = links;
        this.revocation = revocation;
        this.parts = parts;
        this.mailer = mailer;
    }

    /**
     * What deleting would do: each part's count and details, what blocks it, how many API tokens and
     * signed-in browsers end, whether a second factor is asked and what may answer for it ({@code code},
     * {@code passkey}, or both).
     */
    record Preview(
            boolean allowed,
            List<PersonalErasure.Blocker> blockers,
            Map<String, PersonalErasure.Preview> parts,
            long apiTokens,
            long sessions,
            boolean secondFactorRequired,
            List<String> secondFactorMethods) {}

    Mono<Preview> preview(CurrentUser user) {
        Mono<Map<String, PersonalErasure.Preview>> previews = Flux.fromStream(parts::orderedStream)
                .concatMap(part -> part.preview(user.id()).map(p -> Map.entry(part.kind(), p)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
        return Mono.zip(
                        previews,
                        store.tokensOf(user.id()).count(),
                        store.sessionsOf(user.id(), accounts.now(), Sessions.MAX_LISTED)
                                .count(),
                        reconfirmation.secondFactorMethods(user.id()))
                .map(t -> {
                    List<PersonalErasure.Blocker> blockers = new ArrayList<>();
                    t.getT1().values().forEach(p -> blockers.addAll(p.blockers()));
                    return new Preview(
                            blockers.isEmpty(),
                            blockers,
                            t.getT1(),
                            t.getT2(),
                            t.getT3(),
                            !t.getT4().isEmpty(),
                            t.getT4());
                });
    }

    /**
     * Deletes the account after checking the password and, if on, the second factor's code or passkey, with the
     * organizations named in {@code deleteOrganizations} (each one the person alone owns). Refused while an
     * organization they alone own is neither handed on nor named; naming any other is a bad field.
     */
    Mono<Void> delete(
            CurrentUser user,
            String password,
            String code,
            PasskeyCredential passkey,
            Set<String> deleteOrganizations) {
        return reconfirmation
                .confirm(user, password, code, passkey)
                .then(preview(user))
                .flatMap(preview -> {
                    Set<String> blocking = preview.blockers().stream()
                            .map(PersonalErasure.Blocker::slug)
                            .collect(Collectors.toSet());
                    List<String> strays = deleteOrganizations.stream()
                            .filter(slug -> !blocking.contains(slug))
                            .sorted()
                            .toList();
                    if (!strays.isEmpty()) {
                        return Mono.error(Refusal.invalid(
                                "deleteOrganizations",
                                "names organizations you are not the only OWNER of: " + String.join(", ", strays)));
                    }
                    List<PersonalErasure.Blocker> unsettled = preview.blockers().stream()
                            .filter(b -> !deleteOrganizations.contains(b.slug()))
                            .toList();
                    if (!unsettled.isEmpty()) {
                        return Mono.error(Refusal.of(
                                Refusal.Reason.LAST_OWNER,
                                "You are the only OWNER of "
                                        + unsettled.size()
                                        + " organization(s): make someone else OWNER, or delete them with your"
                                        + " account (deleteOrganizations)",
                                unsettled.stream()
                                        .map(b -> new Refusal.FieldProblem("deleteOrganizations", b.slug()))
                                        .toList()));
                    }
                    return erase(user, deleteOrganizations);
                });
    }

    private Mono<Void> erase(CurrentUser user, Set<String> deleteOrganizations) {
        String id = user.id();
        return Flux.fromStream(parts::orderedStream)
                .concatMap(part -> part.erase(id, deleteOrganizations))
                .then(revocation.revokeAll(id))
                .then(twoFactors.delete(id))
                .then(passkeys.deleteAllOf(id))
                .then(links.deleteOf(id, AccountLinkDocument.Purpose.PASSWORD_RESET))
                .then(links.deleteOf(id, AccountLinkDocument.Purpose.EMAIL_VERIFICATION))
                .then(store.deleteSessionsOf(id, null))
                // Queued before the account goes: the address is known only until then.
                .then(mailer.enqueue(new MailMessage(
                        user.email(),
                        "Tocsin: your account was deleted",
                        "Your Tocsin account and what it held were deleted just now: your memberships, your RSVPs,"
                                + " your API tokens, your private calendar addresses and your sessions. Public counts of"
                                + " people going stay as they were, with no name.\n\nTocsin keeps nothing more about"
                                + " you. If you did not ask for this, someone had your password and your second factor;"
                                + " tell the organizations you were part of.\n",
                        List.of())))
                .then(store.deleteUser(id))
                .then();
    }
}
