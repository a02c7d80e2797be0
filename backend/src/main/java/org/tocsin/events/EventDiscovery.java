package org.tocsin.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.campaigns.CampaignCities;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.kernel.Dates;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.Permission;
import org.tocsin.organizations.Role;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One page of occurrences as {@code GET /api/v1/events} lists them to this caller, for every place that
 * lists events (the API and the server-rendered pages): one visibility rule, one order, one cursor,
 * so a page hides exactly what the API hides and its "next" link pages the same way.
 */
@Service
public class EventDiscovery {

    static final int MAX_CURSOR = 200;

    private final EventIndex index;
    private final EventDocuments documents;
    private final EventViews views;
    private final EventFilters filters;
    private final OrganizationAccess access;
    private final Clock clock;

    EventDiscovery(
            EventIndex index,
            EventDocuments documents,
            EventViews views,
            EventFilters filters,
            OrganizationAccess access,
            Clock clock) {
        this.index = index;
        this.documents = documents;
        this.views = views;
        this.filters = filters;
        this.access = access;
        this.clock = clock;
    }

    /** One page of views in start order; {@code nextCursor} is null on the last page. */
    public record Found(List<EventView> items, String nextCursor) {}

    /**
     * Occurrences in {@code [from, to)} matching {@code params} that {@code user} may see, {@code size} at most,
     * after {@code cursor} (one this class gave out; any other is a 400 naming {@code cursor}). An
     * organization or campaign slug nobody has finds nothing.
     */
    public Mono<Found> find(
            CurrentUser user, EventFilters.Params params, Instant from, Instant to, String cursor, int size) {
        // The page's last lookup (its attendance) completes on the database driver's I/O thread: rendering and
        // encoding 50 items there (about 54 KB of JSON) queued every request behind that one thread.
        return page(user, params, from, to, cursor, size).publishOn(Schedulers.parallel());
    }

    private Mono<Found> page(
            CurrentUser user, EventFilters.Params params, Instant from, Instant to, String cursor, int size) {
        return Mono.defer(() -> {
            if (cursor != null && cursor.length() > MAX_CURSOR) {
                return Mono.error(Refusal.invalid("cursor", "may be at most " + MAX_CURSOR + " characters"));
            }
            EventQuery.Cursor after = cursor == null ? null : decode(cursor);
            Mono<EventFilter> filter = filters.resolve(params, "", EventFilters.Unknown.MATCHES_NOTHING);
            return Mono.zip(filter, access.roles(user)).flatMap(t -> {
                Map<String, Role> roles = t.getT2();
                // Hidden locations are filtered and searched on only by those who may read them (organizers).
                Set<String> locationsOf = roles.entrySet().stream()
                        .filter(r -> Permission.MANAGE_EVENTS.grantedTo(r.getValue()))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toUnmodifiableSet());
                EventQuery query = new EventQuery(t.getT1(), from, to, roles.keySet(), locationsOf, after, size);
                List<EventIndex.Hit> hits = index.search(query);
                boolean more = hits.size() > size;
                List<EventIndex.Hit> page = more ? hits.subList(0, size) : hits;
                String next = more ? encode(page.getLast()) : null;
                // The index holds what filtering and order need; the page's documents come from the store.
                return documents(page)
                        .flatMap(documents -> views.views(page.stream()
                                        .flatMap(h ->
                                                item(h, documents.get(h.event().id()), roles).stream())
                                        .toList())
                                .map(items -> new Found(items, next)));
            });
        });
    }

    /** The page's events as stored. */
    private Mono<Map<String, EventDocument>> documents(List<EventIndex.Hit> page) {
        return page.isEmpty()
                ? Mono.just(Map.of())
                : documents.of(page.stream().map(EventIndex.Hit::event).toList());
    }

    /**
     * The view to build for one hit, from its event as stored; none when a write since the index answered
     * took the event (or this date) out of what the caller may list.
     */
    private Optional<EventViews.Item> item(EventIndex.Hit hit, EventDocument document, Map<String, Role> roles) {
        if (document == null || !index.stillListed(document, roles.keySet())) {
            return Optional.empty();
        }
        return hit.occurrenceIn(document)
                .map(o -> new EventViews.Item(document, o, EventPermissions.in(roles, document)));
    }

    /** What discovery answers without {@code from} and {@code to}: from now, as far ahead as the index holds. */
    public Mono<Found> upcoming(CurrentUser user, EventFilters.Params params, String cursor, int size) {
        Instant now = clock.instant();
        return find(user, params, now, now.plus(EventIndex.AHEAD), cursor, size);
    }

    /** Cities with upcoming public events ({@code GET /api/v1/cities}): public events only, for everyone. */
    public List<CampaignCities.CityCount> cities() {
        return index.upcomingCities();
    }

    static String encode(EventIndex.Hit last) {
        String raw =
                last.key().startUtc + "|" + last.event().id() + "|" + last.key().recurrenceId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static EventQuery.Cursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            return new EventQuery.Cursor(
                    Dates.requireInRange("cursor", Instant.ofEpochMilli(Long.parseLong(parts[0]))), parts[1], parts[2]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | Refusal e) {
            throw Refusal.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
