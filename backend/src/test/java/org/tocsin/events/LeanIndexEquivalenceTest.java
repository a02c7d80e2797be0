package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import org.tocsin.places.Geo;
import org.tocsin.places.PlaceService;
import org.tocsin.storage.DatabaseSharing;
import org.tocsin.support.IntegrationTest;
import org.tocsin.takedowns.Takedowns;

/**
 * The lean index (issue 16) answers exactly what the index of whole documents answered: over 800
 * generated events, every query shape and caller below pages through the same occurrences, in the same
 * order, as a brute-force reference that applies the earlier rules to the whole documents (every
 * occurrence in the span, ordered by start, event id and recurrence id, the filter as it read
 * {@link EventDocument}s). A fresh index of the application's own parts, holding only these events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeanIndexEquivalenceTest extends IntegrationTest {

    private static final int EVENTS = 800;
    private final Instant now = Instant.parse("2026-12-01T12:00:00.123456Z");
    private final List<EventDocument> documents = new ArrayList<>();
    /** Each document's occurrences and words, as the earlier index derived them, derived once. */
    private final java.util.Map<String, List<Occurrence>> occurrences = new java.util.HashMap<>();

    private final java.util.Map<String, EventSearch.Terms> terms = new java.util.HashMap<>();

    @Autowired
    EventStore store;

    @Autowired
    Takedowns takedowns;

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @Autowired
    PlaceService places;

    private EventIndex index;

    @BeforeAll
    void build() {
        index = newIndex();
        for (int i = 0; i < EVENTS; i++) {
            EventDocument e = GeneratedEvents.nth(i, now);
            documents.add(e);
            index.put(e);
            EventSchedule schedule = EventSchedule.of(e);
            occurrences.put(
                    e.id(),
                    schedule.isSeries()
                            ? schedule.between(
                                    now.minus(EventIndex.BEHIND),
                                    now.plus(EventIndex.AHEAD),
                                    EventSchedule.MAX_OCCURRENCES)
                            : List.of(new Occurrence(null, null, null, e.startUtc(), e.endUtc(), false, false)));
            terms.put(e.id(), EventSearch.termsOf(e));
        }
    }

    @Test
    void everyShapeAndCallerFindsWhatTheWholeDocumentsFound() {
        GeneratedEvents.City city = GeneratedEvents.city(7);
        List<EventFilter> filters = List.of(
                EventFilter.ALL,
                new EventFilter(city.key(), city.country(), null, null, null, null, null, List.of()),
                new EventFilter(null, "fr", null, null, null, null, null, List.of()),
                near(city, 25),
                near(city, 2),
                new EventFilter(null, null, null, EventKind.VIGIL, "prisoners", null, null, List.of()),
                EventFilter.campaign("campaign3"),
                EventFilter.organization(GeneratedEvents.organization(11)),
                text("prisoners"),
                text("زندانیان"),
                text("tribunal"),
                text("organizer4"),
                text("gartenweg"),
                new EventFilter(null, null, null, null, null, null, null, List.of(), null, "fa"));
        List<Set<String>> callers = List.of(
                Set.of(),
                Set.of(GeneratedEvents.organization(11), GeneratedEvents.organization(12)),
                Set.of(GeneratedEvents.organization(13)));
        List<Instant[]> windows = List.of(
                new Instant[] {now, now.plus(EventIndex.AHEAD)},
                new Instant[] {now.minus(java.time.Duration.ofDays(200)), now.plus(java.time.Duration.ofDays(30))});
        int compared = 0;
        for (EventFilter filter : filters) {
            for (Set<String> memberOf : callers) {
                for (Instant[] window : windows) {
                    for (Set<String> locationsOf : List.of(Set.<String>of(), memberOf)) {
                        List<String> lean = pages(filter, memberOf, locationsOf, window, 37);
                        List<String> reference = reference(filter, memberOf, locationsOf, window);
                        assertThat(lean)
                                .as(
                                        "%s for %s (locations %s) in %s..%s",
                                        filter, memberOf, locationsOf, window[0], window[1])
                                .isEqualTo(reference);
                        compared += reference.size();
                    }
                }
            }
        }
        // The queries found something to compare: not a comparison of empty lists.
        assertThat(compared).isGreaterThan(5_000);
    }

    /**
     * At start the index reads the store's documents one at a time and without the fields it never reads
     * ({@link EventStore#notDeleted}): what it needs is still there (the description's words, the series' dates).
     */
    @Test
    void startUpReadsEverythingTheIndexNeeds() {
        EventDocument stored = store.insert(GeneratedEvents.nth(20 * 997, now)).block();
        try {
            EventIndex started = newIndex();
            started.afterSingletonsInstantiated();
            IndexedEvent read = started.event(stored.id());
            IndexedEvent whole = IndexedEvent.of(stored, occurrencesOf(stored));
            assertThat(read.terms()).isEqualTo(whole.terms());
            assertThat(read.terms().visible()).contains("organizer19940");
            assertThat(read.occurrences()).hasSize(whole.occurrences().length).hasSizeGreaterThan(40);
        } finally {
            mongo.remove(
                            org.springframework.data.mongodb.core.query.Query.query(
                                    org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                            .is(stored.id())),
                            EventDocument.class)
                    .block();
        }
    }

    private List<Occurrence> occurrencesOf(EventDocument e) {
        EventSchedule schedule = EventSchedule.of(e);
        return schedule.between(
                now.minus(EventIndex.BEHIND), now.plus(EventIndex.AHEAD), EventSchedule.MAX_OCCURRENCES);
    }

    /** Every page of the lean index's answer, following its cursors, as "start|event|recurrence". */
    private List<String> pages(
            EventFilter filter, Set<String> memberOf, Set<String> locationsOf, Instant[] w, int size) {
        List<String> all = new ArrayList<>();
        EventQuery.Cursor after = null;
        while (true) {
            List<EventIndex.Hit> hits =
                    index.search(new EventQuery(filter, w[0], w[1], memberOf, locationsOf, after, size));
            List<EventIndex.Hit> page = hits.size() > size ? hits.subList(0, size) : hits;
            page.forEach(h -> all.add(
                    h.key().startUtc + "|" + h.event().id() + "|" + h.key().recurrenceId()));
            if (hits.size() <= size) {
                return all;
            }
            after = EventDiscovery.decode(EventDiscovery.encode(page.getLast()));
        }
    }

    /** The earlier index's answer, computed from the whole documents by brute force. */
    private List<String> reference(EventFilter filter, Set<String> memberOf, Set<String> locationsOf, Instant[] w) {
        record Found(Instant start, String id, String recurrenceId) {}
        List<Found> found = new ArrayList<>();
        Instant earliest = w[0].minus(EventRules.MAX_DURATION);
        for (EventDocument e : documents) {
            if (!EventAudience.lists(e, memberOf) || !matches(filter, e, locationsOf.contains(e.organizationId()))) {
                continue;
            }
            for (Occurrence o : occurrences.get(e.id())) {
                if (!o.startUtc().isBefore(earliest)
                        && o.startUtc().isBefore(w[1])
                        && o.endUtc().isAfter(w[0])) {
                    found.add(new Found(
                            o.startUtc(),
                            e.id(),
                            o.recurrenceId() == null ? "" : o.recurrenceId().toString()));
                }
            }
        }
        found.sort(Comparator.comparing(Found::start).thenComparing(Found::id).thenComparing(Found::recurrenceId));
        return found.stream()
                .map(f -> f.start().toEpochMilli() + "|" + f.id() + "|" + f.recurrenceId())
                .toList();
    }

    /** EventFilter.matches as it read whole documents before issue 16. */
    private boolean matches(EventFilter f, EventDocument event, boolean exact) {
        if (f.kind() != null && event.kind() != f.kind()
                || f.organizationId() != null && !f.organizationId().equals(event.organizationId())
                || f.campaignId() != null && !f.campaignId().equals(event.campaignId())
                || f.tag() != null && !event.tags().contains(f.tag())) {
            return false;
        }
        if (f.language() != null
                && event.languages().stream()
                        .noneMatch(l -> l.equals(f.language()) || l.startsWith(f.language() + "-"))) {
            return false;
        }
        EventDocument.Place place = event.place();
        if (f.cityKey() != null && (place == null || !f.cityKey().equals(place.cityKey()))
                || f.country() != null && (place == null || !f.country().equalsIgnoreCase(place.countryCode()))) {
            return false;
        }
        boolean seesExact = exact || event.locationVisibility() != LocationVisibility.ATTENDEES;
        if (f.near() != null) {
            if (place == null || place.lat() == null) {
                return false;
            }
            double lat = seesExact ? place.lat() : Geo.coarse(place.lat());
            double lon = seesExact ? place.lon() : Geo.coarse(place.lon());
            if (!f.near().box().contains(lat, lon)
                    || Geo.distanceKm(f.near().lat(), f.near().lon(), lat, lon)
                            > f.near().radiusKm()) {
                return false;
            }
        }
        return f.text().isEmpty() || terms.get(event.id()).matches(f.text(), seesExact);
    }

    private static EventFilter near(GeneratedEvents.City city, double km) {
        return new EventFilter(
                null,
                null,
                new EventFilter.Near(city.lat(), city.lon(), km, Geo.box(city.lat(), city.lon(), km)),
                null,
                null,
                null,
                null,
                List.of());
    }

    private static EventFilter text(String q) {
        return new EventFilter(
                null, null, null, null, null, null, null, GeneratedEvents.tokens(q.toLowerCase(Locale.ROOT)));
    }

    /** An index on the store, as the application makes it, on this test's fixed clock. */
    private EventIndex newIndex() {
        return new EventIndex(
                store,
                Clock.fixed(now, ZoneOffset.UTC),
                takedowns,
                places,
                new DueTimes(),
                new ChangeOrder(),
                IndexSnapshots.none(),
                new DatabaseSharing(""));
    }
}
