package org.tocsin.organizations;

import org.springframework.stereotype.Component;
import org.tocsin.accounts.PersonalData;
import org.tocsin.accounts.PersonalErasure;
import org.tocsin.organizations.internal.MembershipDocument;
import org.tocsin.organizations.internal.OrganizationStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person's memberships, when they delete their account: each goes as if they left. An organization
 * they are the only OWNER of blocks the deletion until someone else is made OWNER: it would otherwise be
 * left with nobody to run it (its members, events and RSVP lists included). Deleting a whole organization
 * is not offered (yet): one with no other member must be handed on too, by inviting someone as OWNER.
 */
@Component
class MembershipErasure implements PersonalErasure {

    private final OrganizationStore store;
    private final Memberships memberships;

    MembershipErasure(OrganizationStore store, Memberships memberships) {
        this.store = store;
        this.memberships = memberships;
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
                    return store.members(org.id())
                            .take(2)
                            .count()
                            .map(n -> new Item(
                                    entry,
                                    new Blocker(
                                            org.slug(),
                                            org.name(),
                                            n > 1 ? "only-owner" : "only-member",
                                            n > 1
                                                    ? "You are its only OWNER: make another member OWNER first"
                                                    : "You are its only member: invite someone as OWNER first")));
                }))
                .collectList()
                .map(items -> new Preview(
                        items.size(),
                        items.stream().map(Item::entry).limit(MAX_DETAILS).toList(),
                        items.stream().map(Item::blocker).filter(b -> b != null).toList()));
    }

    private record Item(Entry entry, Blocker blocker) {}

    @Override
    public Mono<Long> erase(String userId) {
        return store.membershipsOf(userId)
                .concatMap(m -> memberships.remove(m).thenReturn(1L))
                .count();
    }

    /** As many as an export lists: more is no one's real life. */
    private Flux<MembershipDocument> mine(String userId) {
        return store.membershipsOf(userId).take(PersonalData.MAX_ENTRIES);
    }
}
