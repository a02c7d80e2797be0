package org.tocsin.calendars;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.AccountService;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.accounts.SecretTokens;
import org.tocsin.calendars.internal.CalendarStore;
import org.tocsin.calendars.internal.FeedTokenDocument;
import org.tocsin.calendars.internal.SavedCalendarDocument;
import org.tocsin.events.EventFilter;
import org.tocsin.events.EventFilters;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.Membership;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Saved-filter calendars, and members' private feed tokens for their organizations' members-only events. */
@Service
public class CalendarService {

    static final String TOKEN_PREFIX = "tcf_";

    private final CalendarStore store;
    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final EventFilters filters;
    private final AccountService accounts;
    private final Clock clock;

    CalendarService(
            CalendarStore store,
            OrganizationService organizations,
            OrganizationAccess access,
            EventFilters filters,
            AccountService accounts,
            Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.access = access;
        this.filters = filters;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A saved calendar as the feeds need it: its name and its filter. */
    public record SavedCalendar(
            String slug,
            String name,
            String city,
            String country,
            String kind,
            String tag,
            String campaign,
            String organization,
            String accessibility,
            String language) {}

    public Mono<SavedCalendar> saved(String slug) {
        return store.bySlug(slug).map(CalendarService::saved);
    }

    Flux<SavedCalendar> allSaved(int limit) {
        return store.all(limit).map(CalendarService::saved);
    }

    Mono<SavedCalendar> create(CurrentUser user, CalendarRequest request) {
        CalendarRequest.Filter f = request.filter();
        // Checked (and its organization and campaign looked up) by the binder its feed will use.
        Mono<EventFilter> checked = filters.resolve(
                new EventFilters.Params(
                        f.city(),
                        f.country(),
                        null,
                        null,
                        f.kind(),
                        f.tag(),
                        f.campaign(),
                        f.organization(),
                        null,
                        f.accessibility(),
                        f.language()),
                "filter.",
                EventFilters.Unknown.INVALID);
        return checked.then(store.insert(new SavedCalendarDocument(
                        Ids.newId(),
                        request.slug(),
                        request.name().strip(),
                        new SavedCalendarDocument.Filter(
                                f.city(),
                                f.country() == null ? null : f.country().toUpperCase(Locale.ROOT),
                                f.kind(),
                                f.tag(),
                                f.campaign(),
                                f.organization(),
                                f.accessibility(),
                                f.language()),
                        user.id(),
                        clock.instant())))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> Refusal.of(
                                Refusal.Reason.SLUG_TAKEN, "A calendar with the slug '" + request.slug() + "' exists"))
                .map(CalendarService::saved);
    }

    Mono<Void> delete(CurrentUser user, String slug) {
        return store.deleteCalendar(slug, user.id())
                .flatMap(done -> done ? Mono.<Void>empty() : Mono.error(Refusal.notFound("Calendar")));
    }

    /** A new private feed token for a member (the previous one stops working); shown once. */
    Mono<String> issueToken(CurrentUser user, String organizationSlug) {
        return organizations
                .requireBySlug(user, organizationSlug, Permission.VIEW_MEMBERS_ONLY)
                .flatMap(org -> access.membership(user.id(), org.id())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(membership -> {
                            String token = SecretTokens.generate(TOKEN_PREFIX);
                            return store.replaceToken(new FeedTokenDocument(
                                            Ids.newId(),
                                            SecretTokens.hash(token),
                                            user.id(),
                                            org.id(),
                                            membership.map(Membership::id).orElse(null),
                                            clock.instant()))
                                    .thenReturn(token);
                        }));
    }

    Mono<Void> revokeToken(CurrentUser user, String organizationSlug) {
        return organizations
                .requireBySlug(user, organizationSlug, Permission.VIEW_MEMBERS_ONLY)
                .flatMap(org -> store.deleteToken(user.id(), org.id()))
                .flatMap(done -> done ? Mono.<Void>empty() : Mono.error(Refusal.notFound("Feed token")));
    }

    /**
     * The organization whose members-only feed a token opens, while the membership it was made in lasts:
     * leaving the organization closes the feed without anyone revoking anything, and being added again
     * (a new membership) does not reopen it.
     */
    public Mono<OrganizationRef> organizationOfToken(String token) {
        if (!token.startsWith(TOKEN_PREFIX)) {
            return Mono.empty();
        }
        return store.tokenByHash(SecretTokens.hash(token))
                .filterWhen(this::madeInCurrentMembership)
                .flatMap(t -> accounts.findById(t.userId())
                        .filterWhen(user -> access.can(user, t.organizationId(), Permission.VIEW_MEMBERS_ONLY))
                        .flatMap(user -> organizations.findById(t.organizationId())));
    }

    private Mono<Boolean> madeInCurrentMembership(FeedTokenDocument t) {
        return access.membership(t.userId(), t.organizationId())
                .map(m -> t.membershipId() != null
                        ? m.id().equals(t.membershipId())
                        // A token from before the binding: only if made during this membership.
                        : !m.since().isAfter(t.createdAt()))
                // No membership: only a platform admin's token, made without one, can still be good.
                .defaultIfEmpty(t.membershipId() == null);
    }

    /** Every organization feed token of the user; a password change revokes them (see HeldCredentials). */
    Mono<Long> revokeAllTokens(String userId) {
        return store.deleteTokensOf(userId);
    }

    private static SavedCalendar saved(SavedCalendarDocument c) {
        var f = c.filter();
        return new SavedCalendar(
                c.slug(),
                c.name(),
                f.city(),
                f.country(),
                f.kind(),
                f.tag(),
                f.campaign(),
                f.organization(),
                f.accessibility(),
                f.language());
    }
}
