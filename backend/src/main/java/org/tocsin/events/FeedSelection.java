package org.tocsin.events;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Which events a calendar feed carries. Public feeds carry PUBLIC events only; a members' feed of
 * one organization ({@code membersOf}) carries its UNLISTED and PRIVATE events too; a person's own
 * feed ({@code eventIds}) carries exactly the events they RSVPed to, and reveals a location kept for
 * attendees only for those in {@code revealLocationOf}; of a series in {@code datesOf}, only the dates
 * named there (occurrence keys: an RSVP is to one date). Each is narrowed by {@code filter}, matched as
 * discovery matches it, as a stranger would (hidden locations by their coarse point, public words only).
 * Events stay in a feed from {@code since} (cancelled ones 30 days past their end, the others until
 * {@code since}) to two years ahead.
 */
public record FeedSelection(
        EventFilter filter,
        String membersOf,
        Set<String> eventIds,
        Set<String> revealLocationOf,
        Map<String, Set<String>> datesOf) {

    public FeedSelection {
        filter = filter == null ? EventFilter.ALL : filter;
        eventIds = eventIds == null ? null : Set.copyOf(eventIds);
        revealLocationOf = revealLocationOf == null ? Set.of() : Set.copyOf(revealLocationOf);
        datesOf = datesOf == null ? Map.of() : Map.copyOf(datesOf);
    }

    public FeedSelection(EventFilter filter, String membersOf, Set<String> eventIds, Set<String> revealLocationOf) {
        this(filter, membersOf, eventIds, revealLocationOf, null);
    }

    /** The public events passing a filter. */
    public static FeedSelection of(EventFilter filter) {
        return new FeedSelection(filter, null, null, null);
    }

    public static FeedSelection organization(String id) {
        return of(EventFilter.organization(id));
    }

    public static FeedSelection campaign(String id) {
        return of(EventFilter.campaign(id));
    }

    public static FeedSelection city(String cityKey) {
        return of(EventFilter.city(cityKey));
    }

    public static FeedSelection tag(String tag) {
        return of(EventFilter.tag(Tags.normalise(tag)));
    }

    public static FeedSelection members(String organizationId) {
        return new FeedSelection(EventFilter.organization(organizationId), organizationId, null, null);
    }

    /** A person's RSVPs: {@code eventIds} answered GOING or MAYBE, the locations of {@code revealLocationOf} shown. */
    public static FeedSelection personal(Set<String> eventIds, Set<String> revealLocationOf) {
        return new FeedSelection(EventFilter.ALL, null, eventIds, revealLocationOf);
    }

    /** As {@link #personal(Set, Set)}, with the dates of each series answered: only those dates are carried. */
    public static FeedSelection personal(
            Set<String> eventIds, Set<String> revealLocationOf, Map<String, Set<String>> datesOf) {
        return new FeedSelection(EventFilter.ALL, null, eventIds, revealLocationOf, datesOf);
    }

    /** The validator of a feed's content, derived from the events' versions without rendering anything. */
    public record Version(String tag, Instant lastModified, int count) {}
}
