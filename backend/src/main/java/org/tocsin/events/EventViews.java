package org.tocsin.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tocsin.campaigns.CampaignHost;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.places.Geo;
import org.tocsin.places.PlaceService;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds {@link EventView}s. Organization and campaign names are cached for a minute: a list page
 * names dozens of events of a handful of organizations, and a renamed group may show its old name
 * that long.
 */
@Component
class EventViews {

    private static final Duration NAME_TTL = Duration.ofMinutes(1);
    static final int MAX_NAMES = 10_000;
    private static final EventView.Owner UNKNOWN = new EventView.Owner(null, null);

    private record Cached(EventView.Owner owner, Instant at) {}

    private final OrganizationService organizations;
    private final CampaignService campaigns;
    private final Clock clock;
    /** Bounded: one entry per organization and campaign shown recently, never more than this many. */
    private final Cache<String, Cached> names =
            Caffeine.newBuilder().maximumSize(MAX_NAMES).build();
    /** Campaigns shown recently, by id, with the organization whose takedown hides them. */
    private final Cache<String, CampaignHost> campaignHosts = Caffeine.newBuilder()
            .maximumSize(MAX_NAMES)
            .expireAfterWrite(NAME_TTL)
            .build();

    private final ObjectProvider<AttendanceCounts> attendance;
    private final Takedowns takedowns;
    private final PlaceService places;

    EventViews(
            OrganizationService organizations,
            CampaignService campaigns,
            Clock clock,
            ObjectProvider<AttendanceCounts> attendance,
            Takedowns takedowns,
            PlaceService places) {
        this.takedowns = takedowns;
        this.places = places;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.clock = clock;
        this.attendance = attendance;
    }

    /** The API's view, with the live attendance of the occurrence (a series without one: its next occurrence). */
    Mono<EventView> view(EventDocument event, Occurrence occurrence, EventPermissions permissions) {
        AttendanceCounts counts = attendance.getIfAvailable();
        Mono<EventView.Attendance> live = counts == null
                ? Mono.just(EventView.Attendance.none(event.capacity()))
                : counts.attendance(event.id(), occurrenceKey(event, occurrence), event.capacity());
        return Mono.zip(organization(event.organizationId()), campaign(event.campaignId()), live, coHosts(event))
                .map(t -> build(
                        event,
                        occurrence,
                        permissions,
                        t.getT1(),
                        t.getT2() == UNKNOWN ? null : t.getT2(),
                        t.getT3(),
                        t.getT4(),
                        places::names));
    }

    /** A view to build in a batch: the event, the occurrence (or null) and what the caller may see. */
    record Item(EventDocument event, Occurrence occurrence, EventPermissions permissions) {}

    /** Views of a list page, with every item's attendance fetched in one lookup instead of one each. */
    Mono<List<EventView>> views(List<Item> items) {
        AttendanceCounts counts = attendance.getIfAvailable();
        List<AttendanceCounts.Slot> slots = items.stream()
                .map(i -> new AttendanceCounts.Slot(
                        i.event().id(),
                        occurrenceKey(i.event(), i.occurrence()),
                        i.event().capacity()))
                .toList();
        Mono<Map<AttendanceCounts.Slot, EventView.Attendance>> live =
                counts == null || slots.isEmpty() ? Mono.just(Map.of()) : counts.attendance(slots);
        return live.flatMap(found -> Flux.range(0, items.size())
                .concatMap(n -> {
                    Item i = items.get(n);
                    AttendanceCounts.Slot slot = slots.get(n);
                    return Mono.zip(
                                    organization(i.event().organizationId()),
                                    campaign(i.event().campaignId()),
                                    coHosts(i.event()))
                            .map(t -> build(
                                    i.event(),
                                    i.occurrence(),
                                    i.permissions(),
                                    t.getT1(),
                                    t.getT2() == UNKNOWN ? null : t.getT2(),
                                    found.getOrDefault(slot, EventView.Attendance.none(slot.capacity())),
                                    t.getT3(),
                                    places::names));
                })
                .collectList());
    }

    /**
     * For feeds: no attendance. A rendered feed is cached by the events' versions, which RSVPs do not
     * change, so counts in it would go stale; and a feed of thousands of events would cost as many lookups.
     */
    Mono<EventView> viewWithoutAttendance(EventDocument event, Occurrence occurrence, EventPermissions permissions) {
        return Mono.zip(organization(event.organizationId()), campaign(event.campaignId()), coHosts(event))
                .map(t -> build(
                        event,
                        occurrence,
                        permissions,
                        t.getT1(),
                        t.getT2() == UNKNOWN ? null : t.getT2(),
                        null,
                        t.getT3(),
                        places::names));
    }

    private String occurrenceKey(EventDocument event, Occurrence occurrence) {
        if (occurrence != null) {
            return occurrence.key();
        }
        if (event.recurrence() == null) {
            return Occurrence.ONCE;
        }
        Instant now = clock.instant();
        List<Occurrence> next = EventSchedule.of(event).between(now, now.plus(EventIndex.AHEAD), 1);
        return next.isEmpty() ? event.start() : next.getFirst().key();
    }

    private Mono<EventView.Owner> organization(String id) {
        return cached("o:" + id, () -> organizations.findById(id).map(o -> new EventView.Owner(o.slug(), o.name())));
    }

    /**
     * The accepted co-hosts' names, in the order they accepted; an organization the moderators took down is
     * left out (to the public it does not exist), as is one since deleted.
     */
    private Mono<List<EventView.Owner>> coHosts(EventDocument event) {
        if (event.coHosts().isEmpty()) {
            return Mono.just(List.of());
        }
        return Flux.fromIterable(event.coHosts())
                .filter(id -> !takedowns.organizationHidden(id))
                .concatMap(this::organization)
                .filter(owner -> owner != UNKNOWN)
                .collectList();
    }

    /**
     * Cached with the organization that runs it, whose takedown is asked at every read: a partner's event
     * shows no campaign from the moment its organization is hidden, and shows it again on restore.
     */
    private Mono<EventView.Owner> campaign(String id) {
        if (id == null) {
            return Mono.just(UNKNOWN);
        }
        CampaignHost hit = campaignHosts.getIfPresent(id);
        Mono<CampaignHost> host = hit != null
                ? Mono.just(hit)
                : campaigns.hostByIdEvenIfHidden(id).doOnNext(found -> campaignHosts.put(id, found));
        return host.map(c -> campaigns.shown(c) ? new EventView.Owner(c.slug(), c.name()) : UNKNOWN)
                .defaultIfEmpty(UNKNOWN);
    }

    /** The lookup is only built on a miss: list pages hit the cache for nearly every item. */
    private Mono<EventView.Owner> cached(String key, Supplier<Mono<EventView.Owner>> lookup) {
        Cached hit = names.getIfPresent(key);
        Instant now = clock.instant();
        if (hit != null && hit.at().plus(NAME_TTL).isAfter(now)) {
            return Mono.just(hit.owner());
        }
        return lookup.get().defaultIfEmpty(UNKNOWN).doOnNext(owner -> names.put(key, new Cached(owner, now)));
    }

    static EventView build(
            EventDocument e,
            Occurrence occurrence,
            EventPermissions permissions,
            EventView.Owner organization,
            EventView.Owner campaign,
            EventView.Attendance attendance,
            List<EventView.Owner> coHosts,
            Function<String, Map<String, String>> cityNames) {
        boolean hidden = e.locationVisibility() == LocationVisibility.ATTENDEES && !permissions.seesHiddenLocation();
        EventView.Place place = null;
        if (e.place() != null) {
            EventDocument.Place p = e.place();
            place = hidden
                    ? new EventView.Place(
                            null,
                            null,
                            p.city(),
                            p.countryCode(),
                            p.cityKey(),
                            p.lat() == null ? null : Geo.coarse(p.lat()),
                            p.lon() == null ? null : Geo.coarse(p.lon()),
                            cityNames.apply(p.cityKey()))
                    : new EventView.Place(
                            p.venue(),
                            p.address(),
                            p.city(),
                            p.countryCode(),
                            p.cityKey(),
                            p.lat(),
                            p.lon(),
                            cityNames.apply(p.cityKey()));
        }
        EventView.Online online = e.online() == null
                ? null
                : new EventView.Online(
                        hidden ? null : e.online().url(), e.online().platform());
        boolean isOccurrence = occurrence != null && occurrence.recurrenceId() != null;
        EventStatus status = isOccurrence && occurrence.cancelled() ? EventStatus.CANCELLED : e.status();
        return new EventView(
                e.id(),
                organization,
                campaign,
                e.title(),
                e.description(),
                e.descriptionHtml(),
                e.kind(),
                status,
                e.statusReason(),
                isOccurrence ? occurrence.start().toString() : e.start(),
                isOccurrence ? occurrence.end().toString() : e.end(),
                e.timeZone(),
                isOccurrence ? occurrence.startUtc() : e.startUtc(),
                isOccurrence ? occurrence.endUtc() : e.endUtc(),
                isOccurrence ? occurrence.recurrenceId().toString() : null,
                e.recurrence() == null
                        ? null
                        // Rules stored before UNTIL was normalised are served RFC 5545-valid too.
                        : new EventView.Recurrence(
                                Recurrences.withUtcUntil(e.recurrence().rrule(), e.timeZone()),
                                e.recurrence().exdates()),
                occurrence == null && e.overrides() != null && !e.overrides().isEmpty()
                        ? e.overrides().stream()
                                .map(o -> new EventView.OccurrenceChange(
                                        o.recurrenceId(), o.cancelled(), o.start(), o.end()))
                                .toList()
                        : null,
                place,
                online,
                hidden,
                e.speakers().stream()
                        .map(s -> new EventView.Speaker(s.name(), s.affiliation()))
                        .toList(),
                e.tags(),
                e.languages(),
                e.accessibility() == null || e.accessibility().isEmpty() ? null : e.accessibility(),
                e.capacity(),
                e.rsvpMode(),
                e.visibility(),
                e.locationVisibility(),
                attendance,
                e.sequence(),
                e.createdAt(),
                e.updatedAt(),
                e.isDraft() ? Boolean.TRUE : null,
                e.isDraft() ? e.publication().at() : null,
                e.locationReveal() == null ? null : e.locationReveal().at(),
                null,
                null,
                coHosts == null || coHosts.isEmpty() ? null : coHosts);
    }
}
