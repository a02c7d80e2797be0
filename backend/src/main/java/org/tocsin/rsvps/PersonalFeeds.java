package org.tocsin.rsvps;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.HeldCredentials;
import org.tocsin.accounts.PersonalCalendarFeeds;
import org.tocsin.accounts.SecretTokens;
import org.tocsin.events.FeedSelection;
import org.tocsin.events.PersonalAgendas;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.kernel.Refusal;
import org.tocsin.rsvps.internal.PersonalFeedDocument;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import reactor.core.publisher.Mono;

/**
 * A signed-in person's calendar of the events they RSVPed GOING or MAYBE to (waitlisted and
 * pending included: they still mean to go), at {@code /feeds/private/{token}.ics}. The location of
 * an event kept for attendees shows only where their RSVP is GOING.
 */
@Service
class PersonalFeeds implements PersonalAgendas, PersonalCalendarFeeds, HeldCredentials {

    private static final Set<RsvpState> LISTED =
            EnumSet.of(RsvpState.GOING, RsvpState.MAYBE, RsvpState.WAITLISTED, RsvpState.PENDING);

    private final RsvpStore store;
    private final PublicUrl publicUrl;
    private final Clock clock;

    PersonalFeeds(RsvpStore store, PublicUrl publicUrl, Clock clock) {
        this.store = store;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    record FeedAddress(String url, String webcal) {}

    /** A new address (the old one stops working at once). */
    Mono<FeedAddress> issue(String userId) {
        String token = SecretTokens.generate(TOKEN_PREFIX);
        return store.replaceFeed(new PersonalFeedDocument(userId, SecretTokens.hash(token), token, clock.instant()))
                .map(f -> address(f.token()));
    }

    Mono<Void> revoke(String userId) {
        return store.deleteFeed(userId)
                .flatMap(done -> done ? Mono.<Void>empty() : Mono.error(Refusal.notFound("Calendar feed")));
    }

    @Override
    public String kind() {
        return "calendarFeed";
    }

    /** A password change closes the personal feed: whoever took the account over may have copied its address. */
    @Override
    public Mono<Long> revokeAll(String userId) {
        return store.deleteFeed(userId).map(done -> done ? 1L : 0L);
    }

    @Override
    public Mono<String> feedUrl(String userId) {
        return store.feedOf(userId).map(f -> address(f.token()).url());
    }

    @Override
    public Mono<Agenda> agenda(String token) {
        if (!token.startsWith(TOKEN_PREFIX)) {
            return Mono.empty();
        }
        return store.feedByTokenHash(SecretTokens.hash(token))
                .flatMap(feed -> store.ofUser(feed.userId(), LISTED)
                        .collectList()
                        .map(rsvps -> {
                            Set<String> events =
                                    rsvps.stream().map(RsvpDocument::eventId).collect(Collectors.toSet());
                            Set<String> revealed = rsvps.stream()
                                    .filter(r -> r.state() == RsvpState.GOING)
                                    .map(RsvpDocument::eventId)
                                    .collect(Collectors.toSet());
                            // The key changes with what the feed holds, so its validator changes with it.
                            String key = feed.userId() + ":"
                                    + List.copyOf(new TreeSet<>(events)).hashCode() + ":"
                                    + List.copyOf(new TreeSet<>(revealed)).hashCode();
                            return new Agenda(key, FeedSelection.personal(events, revealed));
                        }));
    }

    private FeedAddress address(String token) {
        String path = "/feeds/private/" + token + ".ics";
        return new FeedAddress(publicUrl.base() + path, publicUrl.webcal(path));
    }
}
