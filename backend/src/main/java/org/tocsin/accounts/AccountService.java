package org.tocsin.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.internal.AccountLinkDocument;
import org.tocsin.accounts.internal.AccountLinkStore;
import org.tocsin.accounts.internal.AccountStore;
import org.tocsin.accounts.internal.UserDocument;
import org.tocsin.kernel.Refusal;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Accounts as other features see them: who someone is, by id. Registration and sign-in live here too. */
@Service
public class AccountService {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final int MAX_DISPLAY_NAME = 80;

    private final AccountStore store;
    private final AccountLinkStore links;
    private final PasswordStrength strength;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Set<String> adminEmails;
    private final Clock clock;
    /** Compared against when the email is unknown, so a wrong email takes as long as a wrong password. */
    private final Mono<String> decoyHash;

    private final boolean requireVerifiedEmail;

    AccountService(
            AccountStore store,
            AccountLinkStore links,
            PasswordStrength strength,
            AccountProperties properties,
            VerificationProperties verification,
            Clock clock) {
        this.store = store;
        this.links = links;
        this.requireVerifiedEmail = verification.requireVerifiedEmail();
        this.strength = strength;
        this.adminEmails = properties.adminEmails();
        this.clock = clock;
        this.decoyHash = Mono.fromCallable(() -> passwords.encode("decoy-password-never-used"))
                .subscribeOn(Schedulers.boundedElastic())
                .cache();
        // Seeds SecretTokens' DRBG on the start-up thread (its class initialisation reads the OS entropy
        // source): every feature's tokens (sessions, manage links, invitations, feeds) use it, and the first
        // use may otherwise come on an event-loop thread. Every context has this service.
        SecretTokens.generate("");
    }

    public Mono<CurrentUser> findById(String userId) {
        return store.userById(userId).map(this::toCurrentUser);
    }

    /** Display names by user id, for member lists; unknown ids are left out. */
    public Mono<Map<String, String>> displayNames(Collection<String> userIds) {
        return store.usersByIds(userIds).collectMap(UserDocument::id, UserDocument::displayName);
    }

    /** A new account whose address is not verified yet ({@link EmailVerification} mails the link). */
    public Mono<CurrentUser> register(String email, String password, String displayName) {
        return register(email, password, displayName, null);
    }

    /**
     * An account the operator creates and holds itself, such as the demo data's owners: nobody signs in to
     * it, and its address is the operator's own choice, not a person's claim, so there is nothing to verify.
     * No route leads here.
     */
    public Mono<CurrentUser> registerOperatorHeld(String email, String password, String displayName) {
        return register(email, password, displayName, clock.instant());
    }

    private Mono<CurrentUser> register(String email, String password, String displayName, Instant verifiedAt) {
        String normalisedEmail = Emails.normalise(email);
        String name = displayName.strip();
        return validatePassword("password", password)
                .then(strength.check("password", password, personal(normalisedEmail, name)))
                .then(hash(password))
                .flatMap(hash -> store.insertUser(new UserDocument(
                        Ids.newId(), normalisedEmail, hash, name, clock.instant(), clock.instant(), verifiedAt)))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> Refusal.of(Refusal.Reason.EMAIL_TAKEN, "An account with this email already exists"))
                .map(this::toCurrentUser);
    }

    /** Empty when the email or password is wrong; which one is never told. */
    Mono<CurrentUser> authenticate(String email, String password) {
        return store.userByEmail(Emails.normalise(email))
                .flatMap(user ->
                        matches(password, user.passwordHash()).filter(ok -> ok).map(ok -> toCurrentUser(user)))
                .switchIfEmpty(Mono.defer(
                        () -> decoyHash.flatMap(h -> matches(password, h)).then(Mono.empty())));
    }

    /** Whether {@code password} is the account's password (false for an unknown account). */
    Mono<Boolean> passwordMatches(String userId, String password) {
        return store.userById(userId)
                .flatMap(user -> matches(password, user.passwordHash()))
                .defaultIfEmpty(false);
    }

    Mono<Void> changePassword(String userId, String currentPassword, String newPassword) {
        return store.userById(userId)
                .switchIfEmpty(Mono.error(Refusal.notFound("Account")))
                .flatMap(user -> matches(currentPassword, user.passwordHash())
                        .flatMap(ok -> ok
                                ? validatePassword("newPassword", newPassword)
                                        .then(strength.check(
                                                "newPassword", newPassword, personal(user.email(), user.displayName())))
                                        .then(hash(newPassword))
                                : Mono.error(Refusal.invalid("currentPassword", "is not your current password"))))
                .flatMap(hash -> store.changePassword(userId, hash, clock.instant()))
                .then();
    }

    /**
     * Checks a new password by the same rules as a change and answers its hash, for {@link #setPasswordHash}
     * once whatever allowed it (a reset link) has been spent.
     */
    Mono<String> hashNewPassword(String userId, String newPassword) {
        return store.userById(userId)
                .switchIfEmpty(Mono.error(Refusal.notFound("Account")))
                .flatMap(user -> validatePassword("newPassword", newPassword)
                        .then(strength.check("newPassword", newPassword, personal(user.email(), user.displayName())))
                        .then(hash(newPassword)));
    }

    Mono<Void> setPasswordHash(String userId, String hash) {
        return store.changePassword(userId, hash, clock.instant()).then();
    }

    /**
     * Whether the account may be trusted with other people's data: its address is verified (or the operator
     * turned the requirement off). False for an unknown account.
     */
    public Mono<Boolean> emailVerified(String userId) {
        if (!requireVerifiedEmail) {
            return Mono.just(true);
        }
        return store.userById(userId).map(u -> u.emailVerifiedAt() != null).defaultIfEmpty(false);
    }

    /**
     * Refuses ({@link Refusal.Reason#EMAIL_NOT_VERIFIED}) unless the account's address is verified: for
     * creating an organization and for any role of ORGANIZER or above, which see who is coming.
     */
    public Mono<Void> requireVerifiedEmail(String userId, String detail) {
        return emailVerified(userId)
                .flatMap(ok ->
                        ok ? Mono.<Void>empty() : Mono.error(Refusal.of(Refusal.Reason.EMAIL_NOT_VERIFIED, detail)));
    }

    /** Whether the account's own address is verified, whatever the requirement says (for the web app's banner). */
    Mono<Boolean> addressVerified(String userId) {
        return store.userById(userId).map(u -> u.emailVerifiedAt() != null).defaultIfEmpty(false);
    }

    /** Whether a verification link mailed to the account still works (none for accounts older than verification). */
    Mono<Boolean> verificationLinkSent(String userId) {
        return links.anyLive(userId, AccountLinkDocument.Purpose.EMAIL_VERIFICATION, clock.instant());
    }

    Mono<Boolean> markEmailVerified(String userId) {
        return store.markEmailVerified(userId, clock.instant());
    }

    /** The account with this address, if any (for mailing it a link). */
    Mono<CurrentUser> findByEmail(String email) {
        return store.userByEmail(Emails.normalise(email)).map(this::toCurrentUser);
    }

    private Mono<Void> validatePassword(String field, String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Mono.error(Refusal.invalid(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Mono.error(Refusal.invalid(field, "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8"));
        }
        return Mono.empty();
    }

    /** What a guesser would try first for this person: their email, its local part, their name. */
    private static List<String> personal(String email, String displayName) {
        return List.of(email, email.substring(0, Math.max(0, email.indexOf('@'))), displayName);
    }

    /** bcrypt is deliberately slow: it runs off the event loop. */
    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> passwords.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> passwords.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    private CurrentUser toCurrentUser(UserDocument user) {
        return new CurrentUser(user.id(), user.email(), user.displayName(), adminEmails.contains(user.email()));
    }

    Instant now() {
        return clock.instant();
    }
}
