package org.tocsin.events;

import java.time.Instant;
import java.util.Set;

/**
 * Which events a calendar feed carries. Public feeds carry PUBLIC events only; a members' feed of
 * one organization ({@code membersOf}) carries its UNLISTED and PRIVATE events too; a person's own
 * feed ({@code eventIds}) carries exactly the events they RSVPed to, and reveals a location kept for
 * attendees only for those in {@code revealLocationOf}. Filters left null do not filter. Events stay
 * in a feed from {@code since} (cancelled ones 30 days past their end, the others until {@code since})
 * to two years ahead.
 */
public record FeedSelection(String organizationId, String campaignId, String cityKey, String country, String tag,
        EventKind kind, String membersOf, Set<String> eventIds, Set<String> revealLocationOf) {

    public FeedSelection {
        eventIds = eventIds == null ? null : Set.copyOf(eventIds);
        revealLocationOf = revealLocationOf == null ? Set.of() : Set.copyOf(revealLocationOf);
    }

    public FeedSelection(String organizationId, String campaignId, String cityKey, String country, String tag,
            EventKind kind, String membersOf) {
        this(organizationId, campaignId, cityKey, country, tag, kind, membersOf, null, null);
    }

    public static FeedSelection organization(String id) {
        return new FeedSelection(id, null, null, null, null, null, null);
    }

    public static FeedSelection campaign(String id) {
        return new FeedSelection(null, id, null, null, null, null, null);
    }

    public static FeedSelection city(String cityKey) {
        return new FeedSelection(null, null, cityKey, null, null, null, null);
    }

    public static FeedSelection tag(String tag) {
        return new FeedSelection(null, null, null, null, Tags.normalise(tag), null, null);
    }

    public static FeedSelection members(String organizationId) {
        return new FeedSelection(organizationId, null, null, null, null, null, organizationId);
    }

    /** A person's RSVPs: {@code eventIds} answered GOING or MAYBE, the locations of {@code revealLocationOf} shown. */
    public static FeedSelection personal(Set<String> eventIds, Set<String> revealLocationOf) {
        return new FeedSelection(null, null, null, null, null, null, null, eventIds, revealLocationOf);
    }

    /** The validator of a feed's content, derived from the events' versions without rendering anything. */
    public record Version(String tag, Instant lastModified, int count) {
    }
}
