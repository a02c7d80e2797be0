package org.tocsin.organizations;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.AccountService;
import org.tocsin.accounts.PersonalData;
import org.tocsin.accounts.PersonalErasure;
import org.tocsin.organizations.internal.MembershipDocument;
import org.tocsin.organizations.internal.OrganizationDocument;
import org.tocsin.organizations.internal.OrganizationStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person's memberships, when they delete their account: each goes as if they left. An organization
 * they are the only OWNER of blocks the deletion until it is settled, one of two ways: another member is
 * made OWNER (the blocker lists them), or the person deletes it with the account
 * ({@code deleteOrganizations}; the blocker counts what that removes), which {@link OrganizationDeletion}
 * does first, in the same request.
 */
@Component
class MembershipErasure implements PersonalErasure {

    /** Members offered as the next OWNER, at most: the organization's own member list has the rest. */
    static final int MAX_SUCCESSORS = 50;

    private final OrganizationStore store;
    private final Memberships memberships;
    private final OrganizationDeletion deletion;
    private final AccountService accounts;

    MembershipErasure(
            OrganizationStore store, Memberships memberships, OrganizationDeletion deletion, AccountService accounts) {
        this.store = store;
        this.memberships = memberships;
        this.deletion = deletion;
        this.accounts = accounts;
    }

    /** One membership as the preview shows it. */
    record Entry(String organization, String organizationName, Role role) {}

    @Override
    public String kind() {
        return "memberships";
    }

    @Override
    public Mono<Preview> preview(String userId) {
        return mine(userId)
                .concatMap(m -> store.byId(m.organizationId()).flatMap(org -> {
                    Entry entry = new Entry(org.slug(), org.name(), m.role());
                    if (m.role() != Role.OWNER || org.ownerCount() > 1) {
                        return Mono.just(new Item(entry, null));
                    }
                    return blocker(org, userId).map(b -> new Item(entry, b));
                }))
                .collectList()
                .map(items -> new Preview(
                        items.size(),
                        items.stream().map(Item::entry).limit(MAX_DETAILS).toList(),
                        items.stream().map(Item::blocker).filter(b -> b != null).toList()));
    }

    private Mono<Blocker> blocker(OrganizationDocument org, String userId) {
        Mono<List<Successor>> others = store.members(org.id())
                .filter(member -> !member.userId().equals(userId))
                .take(MAX_SUCCESSORS)
                .collectList()
                .flatMap(members -> accounts.displayNames(
                                members.stream().map(MembershipDocument::userId).toList())
                        .map(names -> members.stream()
                                .map(member -> new Successor(
                                        member.userId(),
                                        names.get(member.userId()),
                                        member.role().name()))
                                .toList()));
        return Mono.zip(others, deletion.counts(org.id())).map(t -> {
            boolean alone = t.getT1().isEmpty();
            return new Blocker(
                    org.slug(),
                    org.name(),
                    alone ? "only-member" : "only-owner",
                    alone
                            ? "You are its only member: invite someone as OWNER, or delete it with your account"
                            : "You are its only OWNER: make another member OWNER, or delete it with your account",
                    t.getT1(),
                    (Map<String, Long>) t.getT2());
        });
    }

    private record Item(Entry entry, Blocker blocker) {}

    @Override
    public Mono<Long> erase(String userId) {
        return erase(userId, Set.of());
    }

    @Override
    public Mono<Long> erase(String userId, Set<String> deleteOrganizations) {
        return Flux.fromIterable(deleteOrganizations)
                .concatMap(slug -> deletion.eraseFor(userId, slug))
                .then(store.membershipsOf(userId)
                        .concatMap(m -> memberships.remove(m).thenReturn(1L))
                        .count());
    }

    /** As many as an export lists: more is no one's real life. */
    private Flux<MembershipDocument> mine(String userId) {
        return store.membershipsOf(userId).take(PersonalData.MAX_ENTRIES);
    }
}
