package org.tocsin.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.organizations.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Events for calendar feeds, read from the in-process index. {@link #version} is cheap (no
 * rendering, no database), so a conditional request is answered 304 before any feed is built.
 */
@Service
public class EventCatalog {

    /** How long past events stay in feeds, and cancelled ones (so every calendar app learns of it). */
    public static final Duration PAST = Duration.ofDays(90);

    public static final Duration CANCELLED_PAST = Duration.ofDays(30);
    public static final Duration AHEAD = Duration.ofDays(2 * 366);

    private final EventIndex index;
    private final EventDocuments documents;
    private final EventService events;
    private final EventViews views;
    private final Clock clock;
    private final Cache<FeedSelection, Selected> selections =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private final PrivateNotes notes;

    EventCatalog(
            EventIndex index,
            EventDocuments documents,
            EventService events,
            EventViews views,
            PrivateNotes notes,
            Clock clock) {
        this.notes = notes;
        this.documents = documents;
        this.index = index;
        this.events = events;
        this.views = views;
        this.clock = clock;
    }

    /**
     * A person's own feed carries the notes for attendees of the events they go to, so its version also
     * moves when only those notes change; no other feed's does (strangers must not learn of notes).
     */
    public FeedSelection.Version version(FeedSelection selection) {
        Selected selected = selected(selection);
        if (selection.revealLocationOf().isEmpty()) {
            return selected.version();
        }
        PrivateNotes.Stamp stamp = notes.stamp(selected.events().stream()
                .map(IndexedEvent::id)
                .filter(selection.revealLocationOf()::contains)
                .toList());
        if (stamp.last() == null) {
            return selected.version();
        }
        FeedSelection.Version v = selected.version();
        Instant last =
                v.lastModified() == null || stamp.last().isAfter(v.lastModified()) ? stamp.last() : v.lastModified();
        return new FeedSelection.Version(v.tag() + "-n" + Long.toHexString(stamp.mix()), last, v.count());
    }

    private static FeedSelection.Version versionOf(List<IndexedEvent> selected) {
        long mix = 0;
        long last = 0;
        for (IndexedEvent e : selected) {
            // Order-independent mix of (id, version): any added, removed or changed event changes it.
            mix += (e.id().hashCode() * 0x9E3779B97F4A7C15L) ^ e.updatedAt() * 31 + e.sequence();
            last = Math.max(last, e.updatedAt());
        }
        return new FeedSelection.Version(
                Integer.toHexString(selected.size()) + "-" + Long.toHexString(mix),
                Instant.ofEpochMilli(last),
                selected.size());
    }

    /** The selected events by start, as a stranger sees them (hidden locations withheld). */
    public Flux<EventView> events(FeedSelection selection) {
        EventPermissions permissions = selection.membersOf() == null
                ? EventPermissions.STRANGER
                : new EventPermissions(Optional.of(Role.MEMBER));
        List<IndexedEvent> selected = selected(selection).events();
        // A person's own calendar: the events they go to carry the organizers' notes for attendees.
        Mono<java.util.Map<String, PrivateNotes.Note>> attending =
                selection.revealLocationOf().isEmpty()
                        ? Mono.just(java.util.Map.of())
                        : notes.forAttendees(selected.stream()
                                .map(IndexedEvent::id)
                                .filter(selection.revealLocationOf()::contains)
                                .toList());
        return attending.flatMapMany(found -> documents(selected, selection).concatMap(e -> {
            EventPermissions seen =
                    selection.revealLocationOf().contains(e.id()) ? permissions.asAttendee() : permissions;
            Set<String> dates = selection.datesOf().get(e.id());
            if (dates == null || e.recurrence() == null) {
                return views.viewWithoutAttendance(e, null, seen).map(v -> withNotes(v, found.get(e.id())));
            }
            // A person's feed: of a series, the dates they answered, each its own instance (RECURRENCE-ID).
            EventFacts facts = EventFacts.of(e);
            return Flux.fromIterable(new TreeSet<>(dates))
                    .concatMap(key -> Mono.justOrEmpty(facts.occurrenceByKey(key)))
                    .concatMap(date -> views.viewWithoutAttendance(e, date, seen))
                    .map(v -> withNotes(v, found.get(e.id())));
        }));
    }

    /** Documents as stored, in chunks, in the selection's order. */
    static final int CHUNK = 500;

    private Flux<EventDocument> documents(List<IndexedEvent> selected, FeedSelection selection) {
        return Flux.range(0, (selected.size() + CHUNK - 1) / CHUNK)
                .map(n -> selected.subList(n * CHUNK, Math.min(selected.size(), (n + 1) * CHUNK)))
                .concatMap(chunk -> documents
                        .of(chunk)
                        .flatMapIterable(found -> chunk.stream()
                                .map(e -> found.get(e.id()))
                                // A write since the selection may have taken an event out of it.
                                .filter(e -> e != null
                                        && index.event(e.id()) != null
                                        && visible(e.id(), e.visibility(), e.organizationId(), selection))
                                .toList()));
    }

    private static EventView withNotes(EventView view, PrivateNotes.Note note) {
        return note == null ? view : view.withPrivateNotes(note.text(), note.html());
    }

    /** Cities with upcoming public events, with counts. */
    public List<org.tocsin.campaigns.CampaignCities.CityCount> upcomingCities() {
        return index.upcomingCities();
    }

    /** One event as the caller may see it (404 when they may not), for "add to calendar". */
    public Mono<EventView> visibleEvent(CurrentUser user, String id) {
        return events.visible(user, id)
                .flatMap(e -> events.permissions(user, e).flatMap(p -> views.viewWithoutAttendance(e, null, p)));
    }

    /**
     * The selection as of the index's current generation and minute. Calendar apps revalidate the same
     * few feeds over and over, mostly unchanged: filtering and sorting every event on each of those
     * requests cost more than answering them. A minute's lag in dropping past events is harmless.
     */
    private Selected selected(FeedSelection selection) {
        long generation = index.generation();
        long minute = clock.millis() / 60_000;
        Selected cached = selections.getIfPresent(selection);
        if (cached != null && cached.generation() == generation && cached.minute() == minute) {
            return cached;
        }
        List<IndexedEvent> events = select(selection);
        Selected fresh = new Selected(generation, minute, events, versionOf(events));
        selections.put(selection, fresh);
        return fresh;
    }

    private record Selected(long generation, long minute, List<IndexedEvent> events, FeedSelection.Version version) {}

    private List<IndexedEvent> select(FeedSelection s) {
        Instant now = clock.instant();
        Instant horizon = now.plus(AHEAD);
        return index.events().stream()
                // Feeds are read by strangers: hidden locations match only by their coarse point.
                .filter(e ->
                        visible(e, s) && inWindow(e, now, horizon) && s.filter().matches(e, false))
                .sorted(Comparator.comparingLong(IndexedEvent::startUtc).thenComparing(IndexedEvent::id))
                .toList();
    }

    private static boolean visible(IndexedEvent e, FeedSelection s) {
        return visible(e.id(), e.visibility(), e.organizationId(), s);
    }

    private static boolean visible(String id, Visibility visibility, String organizationId, FeedSelection s) {
        if (s.eventIds() != null) {
            // A person's own feed: the events they answered, whatever their visibility (they could see them then).
            return s.eventIds().contains(id);
        }
        return visibility == Visibility.PUBLIC || organizationId.equals(s.membersOf());
    }

    private static boolean inWindow(IndexedEvent e, Instant now, Instant horizon) {
        // Whole milliseconds against instants that may have finer digits: after t is after t's millisecond.
        if (e.startUtc() > horizon.toEpochMilli()) {
            return false;
        }
        Duration past = e.status() == EventStatus.CANCELLED ? CANCELLED_PAST : PAST;
        return e.lastEndUtc() > now.minus(past).toEpochMilli();
    }
}
