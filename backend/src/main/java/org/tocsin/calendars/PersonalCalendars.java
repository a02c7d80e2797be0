package org.tocsin.calendars;

import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.HeldCredentials;
import org.tocsin.accounts.PersonalCalendarFeeds;
import org.tocsin.accounts.SecretTokens;
import org.tocsin.calendars.internal.CalendarStore;
import org.tocsin.calendars.internal.PersonalFeedDocument;
import org.tocsin.events.FeedSelection;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.kernel.Refusal;
import org.tocsin.rsvps.PersonalRsvps;
import reactor.core.publisher.Mono;

/**
 * A signed-in person's calendar of the events they RSVPed GOING or MAYBE to (waitlisted and
 * pending included: they still mean to go), at {@code /feeds/private/{token}.ics}. The location of
 * an event kept for attendees shows only where their RSVP is GOING. Which events: the rsvps
 * feature's {@link PersonalRsvps}; the address and its token: here.
 */
@Service
class PersonalCalendars implements PersonalCalendarFeeds, HeldCredentials {

    /** What every such token starts with: {@link PrivateCalendars} tells its kinds of calendar apart by it. */
    static final String TOKEN_PREFIX = "tcr_";

    private final CalendarStore store;
    private final PersonalRsvps rsvps;
    private final PublicUrl publicUrl;
    private final Clock clock;

    PersonalCalendars(CalendarStore store, PersonalRsvps rsvps, PublicUrl publicUrl, Clock clock) {
        this.store = store;
        this.rsvps = rsvps;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    record FeedAddress(String url, String webcal) {}

    /**
     * What a person's calendar holds.
     *
     * @param key stable per person and content, for the feed's cache validator
     */
    record Agenda(String key, FeedSelection selection) {}

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

    /** The person's calendar for a token, empty when the token is unknown or revoked. */
    Mono<Agenda> agenda(String token) {
        if (!token.startsWith(TOKEN_PREFIX)) {
            return Mono.empty();
        }
        return store.feedByTokenHash(SecretTokens.hash(token))
                .flatMap(feed -> rsvps.of(feed.userId()).map(answers -> {
                    // The key changes with what the feed holds, so its validator changes with it.
                    String key = feed.userId() + ":"
                            + List.copyOf(new TreeSet<>(answers.events())).hashCode() + ":"
                            + List.copyOf(new TreeSet<>(answers.going())).hashCode() + ":"
                            + new java.util.TreeMap<>(answers.dates())
                                    .toString()
                                    .hashCode();
                    return new Agenda(key, FeedSelection.personal(answers.events(), answers.going(), answers.dates()));
                }));
    }

    private FeedAddress address(String token) {
        String path = "/feeds/private/" + token + ".ics";
        return new FeedAddress(publicUrl.base() + path, publicUrl.webcal(path));
    }
}
