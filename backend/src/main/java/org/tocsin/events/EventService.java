package org.tocsin.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.audit.AuditAction;
import org.tocsin.audit.AuditLog;
import org.tocsin.campaigns.CampaignRef;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import org.tocsin.events.internal.PrivateNoteStore;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import org.tocsin.organizations.Role;
import org.tocsin.places.CityRef;
import org.tocsin.places.PlaceService;
import org.tocsin.storage.Ids;
import org.tocsin.takedowns.Takedowns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Events: who may create, see, change, cancel and delete them, and the derived fields (UTC instants,
 * rendered description, search terms, city) kept consistent on every write. Every write is in the
 * discovery index before it answers, and its {@link EventChange} is published to {@link EventChanges}.
 */
@Service
public class EventService {

    /**
     * Generous: {@link RecurrenceBounds} keeps any accepted rule to milliseconds of work, so this only ever
     * fires on a server too loaded to answer, and at 2 s it refused a plain weekly series as the organizer's
     * fault on a busy two-core machine (OrganizationDeletionTest, under a parallel build).
     */
    static final Duration EXPANSION_DEADLINE = Duration.ofSeconds(10);
    /** Scheduled publications and reveals handled per run; more wait for the next run. */
    static final int DUE_PER_RUN = 500;

    static final int MAX_DRAFTS = 500;
    /** The furthest a reveal may be set before the start. */
    static final Duration MAX_REVEAL_BEFORE = Duration.ofDays(366);

    private final EventStore store;
    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final CampaignService campaigns;
    private final PlaceService places;
    private final EventChanges changes;
    private final EventIndex index;
    private final EventViews views;
    private final Removals removals;
    private final Takedowns takedowns;
    private final AuditLog audit;
    private final Clock clock;
    private final PrivateNoteStore notes;
    private final DueTimes dueTimes;

    EventService(
            EventStore store,
            OrganizationService organizations,
            OrganizationAccess access,
            CampaignService campaigns,
            PlaceService places,
            EventChanges changes,
            EventIndex index,
            EventViews views,
            Removals removals,
            Takedowns takedowns,
            AuditLog audit,
            PrivateNoteStore notes,
            DueTimes dueTimes,
            Clock clock) {
        this.notes = notes;
        this.dueTimes = dueTimes;
        this.index = index;
        this.removals = removals;
        this.takedowns = takedowns;
        this.audit = audit;
        this.store = store;
        this.views = views;
        this.organizations = organizations;
        this.access = access;
        this.campaigns = campaigns;
        this.places = places;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * The event if the caller may see it; PRIVATE events of other organizations are simply not found.
     * An UNLISTED event is reached by its unguessable id; one made before ids were random keeps a
     * guessable ObjectId, so for it the link alone no longer grants anything: members only. An event the
     * platform's moderators took down (itself or its organization) is, to everyone else, deleted.
     */
    public Mono<EventDocument> visible(CurrentUser user, String id) {
        return store.byId(id)
                .flatMap(event -> permissions(user, event)
                        .filter(p -> p.canSee(event.visibility()))
                        .filter(p -> p.role().isPresent() || !takedowns.hides(event.id(), event.organizationId()))
                        .filter(p -> !event.isDraft() || p.role().isPresent())
                        .filter(p -> p.role().isPresent()
                                || event.visibility() != Visibility.UNLISTED
                                || !Ids.isLegacy(event.id()))
                        .map(p -> event))
                .switchIfEmpty(Mono.error(Refusal.notFound("Event")));
    }

    /** The event in the shape a client sends, the base a merge patch applies to. */
    Mono<EventRequest> asRequest(EventDocument e) {
        Mono<String> org = organizations.findById(e.organizationId()).map(OrganizationRef::slug);
        Mono<Optional<String>> campaign = e.campaignId() == null
                ? Mono.just(Optional.empty())
                : campaigns
                        .findByIdEvenIfHidden(e.campaignId())
                        .map(c -> Optional.of(c.slug()))
                        .defaultIfEmpty(Optional.empty());
        return Mono.zip(org, campaign)
                .map(t -> new EventRequest(
                        t.getT1(),
                        e.title(),
                        e.description(),
                        e.kind(),
                        e.localStart(),
                        e.localEnd(),
                        e.timeZone(),
                        e.recurrence() == null
                                ? null
                                : new EventRequest.RecurrenceRequest(
                                        e.recurrence().rrule(), e.recurrence().localExdates()),
                        e.place() == null
                                ? null
                                : new EventRequest.PlaceRequest(
                                        e.place().venue(),
                                        e.place().address(),
                                        e.place().city(),
                                        e.place().countryCode(),
                                        e.place().lat(),
                                        e.place().lon()),
                        e.online() == null
                                ? null
                                : new EventRequest.OnlineRequest(
                                        e.online().url(), e.online().platform()),
                        e.capacity(),
                        e.rsvpMode(),
                        e.visibility(),
                        e.locationVisibility(),
                        e.tags(),
                        e.languages(),
                        t.getT2().orElse(null),
                        e.speakers().stream()
                                .map(s -> new EventRequest.SpeakerRequest(s.name(), s.affiliation()))
                                .toList(),
                        e.accessibility() == null
                                ? null
                                : new EventRequest.AccessibilityRequest(
                                        e.accessibility().features(),
                                        e.accessibility().note()),
                        e.isDraft() ? Boolean.TRUE : null,
                        e.isDraft() ? e.publication().at() : null,
                        e.locationReveal() == null || e.locationReveal().before() != null
                                ? null
                                : e.locationReveal().at(),
                        e.locationReveal() == null || e.locationReveal().before() == null
                                ? null
                                : Duration.parse(e.locationReveal().before())));
    }

    /**
     * What the caller may see of the event: by their role in its host, or else in one of its accepted
     * co-hosts (whose ORGANIZERs edit it). Co-hosts' members read it as the host's would; its attendees stay
     * the host's (rsvps asks the host alone).
     */
    Mono<EventPermissions> permissions(CurrentUser user, EventDocument event) {
        return role(user, event).map(EventPermissions::new);
    }

    private Mono<Optional<Role>> role(CurrentUser user, EventDocument event) {
        Mono<Optional<Role>> host = access.roleOf(user, event.organizationId());
        if (event.coHosts().isEmpty()) {
            return host;
        }
        return host.flatMap(r -> r.isPresent()
                ? Mono.just(r)
                : Flux.fromIterable(event.coHosts())
                        .concatMap(o -> access.roleOf(user, o))
                        .filter(Optional::isPresent)
                        .map(Optional::get)
                        .reduce((a, b) -> a.atLeast(b) ? a : b)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty()));
    }

    public Mono<EventDocument> create(CurrentUser user, EventRequest request) {
        return prepare(user, request, Lookups.EACH_TIME)
                .flatMap(prepared ->
                        store.insert(prepared.event()).flatMap(saved -> rememberCity(prepared.resolved(), saved)))
                .flatMap(saved -> published(saved, EventChange.Created.of(saved)))
                .flatMap(saved -> audited(user, saved, AuditAction.EVENT_CREATED));
    }

    /** A new event checked and built as {@link #create} does it, not stored yet. */
    record NewEvent(EventDocument event, Resolved resolved) {}

    /**
     * The look-ups a write makes (organization, campaign, city, the caller's permission for them). A batch
     * of new events makes each distinct one once ({@link EventBatches}); a single write makes each anyway.
     */
    interface Lookups {
        Lookups EACH_TIME = new Lookups() {
            @Override
            public <T> Mono<T> once(String key, Supplier<Mono<T>> lookup) {
                return lookup.get();
            }
        };

        <T> Mono<T> once(String key, Supplier<Mono<T>> lookup);

        /**
         * The description as safe HTML ({@link Descriptions#toSafeHtml}), the largest single cost of
         * building an event. A bulk import renders each distinct description of its file once (files
         * repeat them); never a cache shared between callers, whose timing would tell one organization
         * what another's hidden events say.
         */
        default String safeHtml(String description) {
            return Descriptions.toSafeHtml(description);
        }

        /**
         * Whether the lines are built on workers, two at a time, for a bulk import: then
         * without {@link #EXPANSION_DEADLINE}, which bounds what a request thread waits for; on a busy
         * machine a wall-clock deadline refused valid lines, and one refused line stops a whole file.
         * {@link RecurrenceBounds} bounds each line's expansion all the same, and the file's line count
         * bounds the whole.
         */
        default boolean batch() {
            return false;
        }
    }

    Mono<NewEvent> prepare(CurrentUser user, EventRequest request, Lookups lookups) {
        return resolve(request, lookups)
                .flatMap(resolved -> lookups.once(
                                "manage:" + resolved.organization().id(),
                                () -> access.require(
                                        user, resolved.organization().id(), Permission.MANAGE_EVENTS))
                        .then(
                                resolved.campaign() == null
                                        ? Mono.<Void>empty()
                                        : lookups.once(
                                                "join:" + resolved.campaign().id(),
                                                () -> mayJoinCampaign(user, null, resolved)))
                        .then(Mono.defer(() -> {
                            Instant now = clock.instant();
                            Supplier<EventDocument> build = () -> build(
                                    lookups::safeHtml,
                                    Ids.newId(),
                                    request,
                                    resolved,
                                    List.of(),
                                    EventStatus.SCHEDULED,
                                    null,
                                    0,
                                    now,
                                    now,
                                    null,
                                    null);
                            return lookups.batch()
                                    ? Mono.fromSupplier(build).subscribeOn(Schedulers.boundedElastic())
                                    : offTheEventLoop(build);
                        }))
                        .map(event -> new NewEvent(event, resolved)));
    }

    /** New events stored together: one insert. {@link #announceAll} then makes them known. */
    Mono<Void> storeAll(List<NewEvent> batch) {
        return store.insertAll(batch.stream().map(NewEvent::event).toList());
    }

    /**
     * Stored events made known: each public city remembered once, one index update for all, then each {@link
     * EventChange.Created} published as a single create publishes it.
     */
    Mono<Void> announceAll(List<NewEvent> batch, Lookups lookups) {
        return Flux.fromIterable(batch)
                .filter(d -> d.resolved().city() != null && d.event().visibility() == Visibility.PUBLIC)
                .concatMap(d -> lookups.once(
                        "remember:" + d.resolved().city().key(), () -> rememberCity(d.resolved(), d.event())))
                .then(index.indexedAll(batch.stream().map(NewEvent::event).toList()))
                .thenMany(Flux.fromIterable(batch))
                // A draft is announced when it is published, as a single create's is (published).
                .filter(d -> !d.event().isDraft())
                .concatMap(d -> changes.publish(EventChange.Created.of(d.event())))
                .then();
    }

    /** Recorded in the organization's log (and the campaign's, if the event is in one) once the write is stored. */
    private Mono<EventDocument> audited(CurrentUser user, EventDocument saved, AuditAction action) {
        AuditLog.Record entry = AuditLog.Record.of(
                saved.organizationId(), user == null ? null : user.id(), action, "EVENT", saved.id(), saved.title());
        return audit.record(saved.campaignId() == null ? entry : entry.inCampaign(saved.campaignId()))
                .thenReturn(saved);
    }

    /** A JSON merge patch has already been applied to the event's request form; this validates the whole again. */
    Mono<EventDocument> update(CurrentUser user, EventDocument current, EventRequest request) {
        return requireManage(user, current).then(resolve(request)).flatMap(resolved -> {
            if (!resolved.organization().id().equals(current.organizationId())) {
                return Mono.error(Refusal.invalid("organization", "cannot be changed; create the event anew"));
            }
            if (request.isDraft() && !current.isDraft()) {
                return Mono.error(Refusal.invalid(
                        "draft", "a published event cannot become a draft again; make it PRIVATE to hide it"));
            }
            return mayJoinCampaign(user, current.campaignId(), resolved)
                    .then(Mono.defer(() -> replace(current, request, resolved)))
                    .flatMap(saved -> audited(user, saved, AuditAction.EVENT_EDITED));
        });
    }

    private Mono<EventDocument> replace(EventDocument current, EventRequest request, Resolved resolved) {
        return offTheEventLoop(() -> build(
                        Descriptions::toSafeHtml,
                        current.id(),
                        request,
                        resolved,
                        current.overrides(),
                        current.status(),
                        current.statusReason(),
                        current.sequence(),
                        current.createdAt(),
                        clock.instant(),
                        current.version(),
                        current.publication()))
                .flatMap(next -> store.save(bumpSequenceIfAttendeesCare(
                        current,
                        // Co-hosts are not in the request: an edit, whoever makes it, keeps them.
                        next.toBuilder().coHosts(current.coHosts()).build())))
                // Hidden from strangers (or shown again): the deletions feed says so before the edit answers.
                .flatMap(saved -> removals.edited(current, saved).thenReturn(saved))
                .flatMap(saved -> rememberCity(resolved, saved))
                .flatMap(saved -> published(
                        saved,
                        // A draft published by this edit: what its creation would have told, nothing more.
                        current.isDraft()
                                ? EventChange.Created.of(saved)
                                : new EventChange.Updated(
                                        saved.id(),
                                        capacityRaised(current, saved),
                                        saved.sequence() > current.sequence() && saved.status() == current.status())));
    }

    /**
     * Putting an event into a campaign (on create, or by moving it in with a PATCH) needs the campaign
     * organization's leave; an event already in it stays, whoever edits it.
     */
    private Mono<Void> mayJoinCampaign(CurrentUser user, String currentCampaignId, Resolved resolved) {
        if (resolved.campaign() == null || resolved.campaign().id().equals(currentCampaignId)) {
            return Mono.empty();
        }
        return campaigns.requireMayAddEvents(user, resolved.campaign().id());
    }

    Mono<EventDocument> setStatus(CurrentUser user, String id, EventStatus status, String reason) {
        return visibleForManagement(user, id)
                .flatMap(current -> store.save(withStatus(current, status, reason))
                        // Postponed or reinstated: attendees hear of it as a change; cancelled, as a cancellation.
                        .flatMap(saved -> published(
                                        saved,
                                        current.status() != EventStatus.CANCELLED && status == EventStatus.CANCELLED
                                                ? new EventChange.Cancelled(saved.id())
                                                : new EventChange.Updated(
                                                        saved.id(), false, current.status() != status))
                                .flatMap(done -> audited(
                                        user,
                                        done,
                                        switch (status) {
                                            case CANCELLED -> AuditAction.EVENT_CANCELLED;
                                            case POSTPONED -> AuditAction.EVENT_POSTPONED;
                                            default -> AuditAction.EVENT_REINSTATED;
                                        }))));
    }

    Mono<EventDocument> setOverride(
            CurrentUser user,
            String id,
            String recurrenceId,
            boolean cancelled,
            LocalDateTime start,
            LocalDateTime end) {
        return visibleForManagement(user, id).flatMap(current -> {
            if (current.recurrence() == null) {
                return Mono.error(Refusal.invalid("recurrenceId", "the event is not a series"));
            }
            EventSchedule schedule = EventSchedule.of(current);
            LocalDateTime original = EventSchedule.parseLocal(recurrenceId);
            if (original == null || !schedule.isOccurrence(original)) {
                return Mono.error(Refusal.notFound("Occurrence"));
            }
            List<EventDocument.OccurrenceOverride> overrides =
                    new ArrayList<>(current.overrides() == null ? List.of() : current.overrides());
            overrides.removeIf(o -> o.recurrenceId().equals(original.toString()));
            if (!cancelled) {
                EventRules.checkTimes(start, end, ZoneIds.of(current.timeZone()));
            }
            overrides.add(new EventDocument.OccurrenceOverride(
                    original.toString(),
                    cancelled,
                    cancelled ? null : start.toString(),
                    cancelled ? null : end.toString()));
            return store.save(withOverrides(current, overrides))
                    .flatMap(saved ->
                            published(saved, new EventChange.OccurrenceChanged(saved.id(), original.toString())))
                    .flatMap(saved -> audited(user, saved, AuditAction.EVENT_DATE_CHANGED));
        });
    }

    Mono<EventDocument> clearOverride(CurrentUser user, String id, String recurrenceId) {
        return visibleForManagement(user, id).flatMap(current -> {
            List<EventDocument.OccurrenceOverride> overrides =
                    new ArrayList<>(current.overrides() == null ? List.of() : current.overrides());
            if (!overrides.removeIf(o -> o.recurrenceId().equals(recurrenceId))) {
                return Mono.error(Refusal.notFound("Occurrence change"));
            }
            return store.save(withOverrides(current, overrides))
                    .flatMap(saved -> published(saved, new EventChange.OccurrenceChanged(saved.id(), recurrenceId)))
                    .flatMap(saved -> audited(user, saved, AuditAction.EVENT_DATE_CHANGED));
        });
    }

    /**
     * A stored write: in the index (its writer reads it at once), then told to the features that follow
     * changes. A draft is told to nobody (the index drops it): no feed, webhook, campaign or attendee
     * learns of it before it is published, which tells them {@link EventChange.Created}.
     */
    private Mono<EventDocument> published(EventDocument saved, EventChange change) {
        return index.indexed(saved)
                .then(saved.isDraft() ? Mono.empty() : changes.publish(change))
                .thenReturn(saved);
    }

    /** A draft published now by an organizer (its scheduled time, if any, dropped). */
    Mono<EventDocument> publish(CurrentUser user, String id) {
        return visibleForManagement(user, id).flatMap(current -> {
            if (!current.isDraft()) {
                return Mono.error(Refusal.of(Refusal.Reason.CONFLICT, "The event is published already"));
            }
            return store.save(current.toBuilder()
                            .publication(null)
                            .updatedAt(clock.instant())
                            .build())
                    .flatMap(this::announcePublished)
                    .flatMap(saved -> audited(user, saved, AuditAction.EVENT_PUBLISHED));
        });
    }

    /**
     * Drafts whose time has come, published: each claimed by one atomic update, so with two replicas (or
     * two runs at once) each is announced once. Answers how many this run published.
     */
    Mono<Long> publishDue(Instant now) {
        return store.byIds(dueTimes.publications(now, DUE_PER_RUN))
                // Read again: a write since the list was made may have published, moved or deleted it.
                .filter(event -> DueTimes.due(DueTimes.publishAt(event), now))
                .concatMap(draft -> store.claimPublication(draft, now)
                        .flatMap(this::announcePublished)
                        // Published by the schedule the organizer set: no one acted now.
                        .flatMap(saved -> audited(null, saved, AuditAction.EVENT_PUBLISHED)))
                .count();
    }

    /** A newly published event: its city becomes known (if PUBLIC), the index takes it, followers hear of a creation. */
    private Mono<EventDocument> announcePublished(EventDocument saved) {
        Mono<EventDocument> remembered = saved.place() == null || saved.visibility() != Visibility.PUBLIC
                ? Mono.just(saved)
                : places.city(saved.place().city(), saved.place().countryCode())
                        .flatMap(city -> places.remember(city, saved.timeZone()))
                        .thenReturn(saved);
        return remembered.flatMap(e -> published(e, EventChange.Created.of(e)));
    }

    /**
     * Locations whose reveal time has come, made public: stored (SEQUENCE up, search words with the
     * venue), indexed, then told as {@link EventChange.LocationRevealed} so that feeds' validators change
     * and the people going are mailed. Claimed atomically, like publications.
     */
    Mono<Long> revealDue(Instant now) {
        return store.byIds(dueTimes.reveals(now, DUE_PER_RUN))
                .filter(event -> DueTimes.due(DueTimes.revealAt(event), now))
                .concatMap(event -> store.claimReveal(
                                event,
                                EventSearch.termsOf(
                                                event.title(),
                                                event.description(),
                                                event.place(),
                                                event.speakers(),
                                                LocationVisibility.PUBLIC)
                                        .visible(),
                                now)
                        .flatMap(saved -> published(saved, new EventChange.LocationRevealed(saved.id()))))
                .count();
    }

    /** An organization's drafts for its members (any role), soonest first. */
    Mono<java.util.List<EventDocument>> drafts(CurrentUser user, String organizationSlug) {
        return organizations
                .findBySlug(organizationSlug)
                .filterWhen(o -> access.roleOf(user, o.id()).map(Optional::isPresent))
                .switchIfEmpty(Mono.error(Refusal.notFound("Organization")))
                .flatMap(o -> store.drafts(o.id(), MAX_DRAFTS).collectList());
    }

    private static boolean capacityRaised(EventDocument before, EventDocument after) {
        return before.capacity() != null && (after.capacity() == null || after.capacity() > before.capacity());
    }

    Mono<Void> delete(CurrentUser user, String id) {
        return visible(user, id)
                .flatMap(current -> access.require(user, current.organizationId(), Permission.DELETE_EVENTS)
                        .onErrorMap(Refusal.class, e -> Refusal.forbidden("Only ADMINs and OWNERs delete events"))
                        .then(store.save(tombstone(current)))
                        .flatMap(saved -> removals.deleted(current, saved).thenReturn(saved)))
                .flatMap(saved -> notes.delete(saved.id()).thenReturn(saved))
                .flatMap(index::indexed)
                // A draft was never announced: its deletion is nobody's news either.
                .filter(saved -> !saved.isDraft())
                // The event can no longer be read: the change carries what attendees' CANCEL is made of.
                .flatMap(saved -> views.viewWithoutAttendance(saved, null, EventPermissions.STRANGER)
                        .flatMap(view -> changes.publish(new EventChange.Deleted(EventFacts.of(saved), view)))
                        .then(audited(user, saved, AuditAction.EVENT_DELETED)))
                .then();
    }

    /**
     * Validation expands the recurrence rule to count its occurrences. {@link RecurrenceBounds} keeps
     * that small, so this is defence in depth: the work runs on a worker rather than on a thread that
     * serves other requests (bounded elastic, not parallel: iCal4j's BYDAY expansion joins a parallel
     * stream, which parks), and a caller waits at most {@link #EXPANSION_DEADLINE} (the work itself
     * cannot be interrupted, but it is bounded, so it ends soon after).
     */
    private static Mono<EventDocument> offTheEventLoop(Supplier<EventDocument> build) {
        return Mono.fromSupplier(build)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(
                        EXPANSION_DEADLINE,
                        Mono.error(() -> Refusal.invalid(
                                "recurrence.rrule", "takes too long to expand; use fewer or simpler BY parts")));
    }

    private Mono<EventDocument> visibleForManagement(CurrentUser user, String id) {
        return visible(user, id).flatMap(event -> requireManage(user, event).thenReturn(event));
    }

    /**
     * An ORGANIZER+ of the host, or of an accepted co-host: both edit the event (deleting it stays the
     * host's, {@link #delete}). The host's refusal is the one answered when no co-host grants it.
     */
    private Mono<Role> requireManage(CurrentUser user, EventDocument event) {
        Mono<Role> host = access.require(user, event.organizationId(), Permission.MANAGE_EVENTS);
        if (event.coHosts().isEmpty()) {
            return host;
        }
        return host.onErrorResume(
                Refusal.class,
                refused -> Flux.fromIterable(event.coHosts())
                        .concatMap(o -> access.roleOf(user, o))
                        .filter(r ->
                                r.filter(Permission.MANAGE_EVENTS::grantedTo).isPresent())
                        .map(Optional::get)
                        .next()
                        .switchIfEmpty(Mono.error(refused)));
    }

    /** The organization, campaign and city a request names, looked up once. */
    record Resolved(OrganizationRef organization, CampaignRef campaign, CityRef city) {}

    private Mono<Resolved> resolve(EventRequest request) {
        return resolve(request, Lookups.EACH_TIME);
    }

    private Mono<Resolved> resolve(EventRequest request, Lookups lookups) {
        Mono<OrganizationRef> org = lookups.once(
                "organization:" + request.organization(),
                () -> organizations
                        .findBySlug(request.organization())
                        .switchIfEmpty(Mono.error(Refusal.invalid("organization", "is not a known organization"))));
        Mono<Optional<CampaignRef>> campaign = request.campaign() == null
                ? Mono.just(Optional.empty())
                : lookups.once(
                        "campaign:" + request.campaign(),
                        // Even a hidden one: a partner's event keeps it through an edit, and a stranger putting
                        // an event into it is refused as for an unknown campaign (requireMayAddEvents).
                        () -> campaigns
                                .findBySlugEvenIfHidden(request.campaign())
                                .map(Optional::of)
                                .switchIfEmpty(Mono.error(Refusal.invalid("campaign", "is not a known campaign"))));
        Mono<Optional<CityRef>> city = request.place() == null
                ? Mono.just(Optional.empty())
                : lookups.once(
                        "city:" + request.place().city() + "\u0000"
                                + request.place().countryCode(),
                        () -> places.city(
                                        request.place().city(), request.place().countryCode())
                                .map(Optional::of));
        return Mono.zip(org, campaign, city)
                .map(t -> new Resolved(
                        t.getT1(), t.getT2().orElse(null), t.getT3().orElse(null)));
    }

    /**
     * Only a PUBLIC event makes its city known: a known city has a public feed (200, not 404), and the
     * first event there fixes the city's display name and default zone, all of which strangers see.
     */
    private Mono<EventDocument> rememberCity(Resolved resolved, EventDocument saved) {
        return resolved.city() == null || saved.visibility() != Visibility.PUBLIC || saved.isDraft()
                ? Mono.just(saved)
                : places.remember(resolved.city(), saved.timeZone()).thenReturn(saved);
    }

    private EventDocument build(
            UnaryOperator<String> safeHtml,
            String id,
            EventRequest request,
            Resolved resolved,
            List<EventDocument.OccurrenceOverride> overrides,
            EventStatus status,
            String statusReason,
            int sequence,
            Instant createdAt,
            Instant updatedAt,
            Long version,
            EventDocument.Publication currentPublication) {
        EventRules.check(request, resolved.city());
        String zone = request.timeZone() != null
                ? request.timeZone()
                : resolved.city().timeZone();
        EventDocument.Recurrence recurrence = request.recurrence() == null
                ? null
                : new EventDocument.Recurrence(
                        Recurrences.normalise(request.recurrence().rrule(), zone),
                        request.recurrence().exdates() == null
                                ? List.of()
                                : request.recurrence().exdates().stream()
                                        .map(LocalDateTime::toString)
                                        .sorted()
                                        .distinct()
                                        .toList());
        EventSchedule schedule = EventSchedule.validated(request.start(), request.end(), zone, recurrence, overrides);
        EventDocument.Place place = request.place() == null
                ? null
                : new EventDocument.Place(
                        trimToNull(request.place().venue()),
                        trimToNull(request.place().address()),
                        resolved.city().name(),
                        resolved.city().countryCode(),
                        resolved.city().key(),
                        // A city alone is placed at its centre (from the gazetteer), so near= and the map find it.
                        request.place().lat() != null
                                ? request.place().lat()
                                : resolved.city().lat(),
                        request.place().lat() != null
                                ? request.place().lon()
                                : resolved.city().lon());
        EventDocument.Online online = request.online() == null
                ? null
                : new EventDocument.Online(
                        request.online().url().strip(),
                        trimToNull(request.online().platform()));
        List<EventDocument.Speaker> speakers = request.speakers() == null
                ? List.of()
                : request.speakers().stream()
                        .map(s -> new EventDocument.Speaker(s.name().strip(), trimToNull(s.affiliation())))
                        .toList();
        List<String> tags = request.tags() == null
                ? List.of()
                : request.tags().stream()
                        .map(Tags::normalise)
                        .distinct()
                        .sorted()
                        .toList();
        List<String> languages = request.languages() == null
                ? List.of()
                : request.languages().stream()
                        .map(l -> l.toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
        String description =
                request.description() == null ? "" : request.description().strip();
        Accessibility accessibility = accessibility(request.accessibility());
        EventDocument.Publication publication = publication(request, currentPublication, updatedAt);
        LocationVisibility requestedLocation =
                Objects.requireNonNullElse(request.locationVisibility(), LocationVisibility.PUBLIC);
        EventDocument.LocationReveal reveal = reveal(request, requestedLocation, schedule.firstStartUtc(), updatedAt);
        // A reveal time already past: the location is public now (as the organizer asked), with nothing to wait for.
        LocationVisibility locationVisibility =
                requestedLocation == LocationVisibility.ATTENDEES && request.hasReveal() && reveal == null
                        ? LocationVisibility.PUBLIC
                        : requestedLocation;
        // Only the public words are stored: the index derives the hidden ones from the fields it holds.
        List<String> terms = EventSearch.termsOf(request.title(), description, place, speakers, locationVisibility)
                .visible();
        return new EventDocument(
                id,
                resolved.organization().id(),
                resolved.campaign() == null ? null : resolved.campaign().id(),
                request.title().strip(),
                description,
                safeHtml.apply(description),
                request.kind(),
                status,
                statusReason,
                zone,
                request.start().toString(),
                request.end().toString(),
                schedule.firstStartUtc(),
                schedule.firstEndUtc(),
                schedule.lastEndUtc(),
                recurrence,
                overrides,
                place,
                online,
                speakers,
                tags,
                languages,
                accessibility,
                request.capacity(),
                Objects.requireNonNullElse(request.rsvpMode(), RsvpMode.OPEN),
                Objects.requireNonNullElse(request.visibility(), Visibility.PUBLIC),
                locationVisibility,
                terms,
                sequence,
                createdAt,
                updatedAt,
                null,
                version,
                publication,
                reveal,
                null);
    }

    /**
     * Draft or not, and when it is to be published. A scheduled time must lie ahead (to publish now,
     * publish), unless it is the one already set, which the scheduled publisher is about to act on.
     */
    private static EventDocument.Publication publication(
            EventRequest request, EventDocument.Publication current, Instant now) {
        if (!request.isDraft()) {
            return null;
        }
        Instant at = request.publishAt();
        boolean unchanged = current != null && Objects.equals(current.at(), at);
        if (at != null && !unchanged && !at.isAfter(now)) {
            throw Refusal.invalid("publishAt", "must be in the future; to publish now, leave out draft and publishAt");
        }
        return new EventDocument.Publication(true, at);
    }

    /**
     * When a location kept for attendees becomes public: an instant, or a duration before the first
     * start. Null when there is none, or when that time has passed (the location is then public at once).
     */
    private static EventDocument.LocationReveal reveal(
            EventRequest request, LocationVisibility location, Instant firstStart, Instant now) {
        if (!request.hasReveal()) {
            return null;
        }
        String field = request.locationRevealAt() != null ? "locationRevealAt" : "locationRevealBefore";
        if (location != LocationVisibility.ATTENDEES) {
            throw Refusal.invalid(field, "is only for a location kept for attendees (locationVisibility ATTENDEES)");
        }
        if (request.locationRevealAt() != null && request.locationRevealBefore() != null) {
            throw Refusal.invalid("locationRevealBefore", "give either locationRevealAt or locationRevealBefore");
        }
        Duration before = request.locationRevealBefore();
        if (before != null && (before.isNegative() || before.isZero() || before.compareTo(MAX_REVEAL_BEFORE) > 0)) {
            throw Refusal.invalid(field, "must be a duration between one second and 366 days, such as PT2H");
        }
        Instant at = before != null ? firstStart.minus(before) : request.locationRevealAt();
        if (!at.isAfter(now)) {
            return null;
        }
        return new EventDocument.LocationReveal(at, before == null ? null : before.toString());
    }

    /** Features sorted and once each, the note trimmed; nothing at all is null (the view then leaves it out). */
    private static Accessibility accessibility(EventRequest.AccessibilityRequest request) {
        if (request == null) {
            return null;
        }
        List<AccessibilityFeature> features = request.features() == null
                ? List.of()
                : request.features().stream().distinct().sorted().toList();
        Accessibility a = new Accessibility(features, trimToNull(request.note()));
        return a.isEmpty() ? null : a;
    }

    /** SEQUENCE rises when something a calendar app or an attendee acts on changes: time, place, status. */
    private static EventDocument bumpSequenceIfAttendeesCare(EventDocument before, EventDocument after) {
        boolean matters = !Objects.equals(before.start(), after.start())
                || !Objects.equals(before.end(), after.end())
                || !Objects.equals(before.timeZone(), after.timeZone())
                || !Objects.equals(before.recurrence(), after.recurrence())
                || !Objects.equals(before.place(), after.place())
                || !Objects.equals(before.online(), after.online())
                || before.status() != after.status();
        return matters ? after.withSequence(before.sequence() + 1) : after;
    }

    private EventDocument withStatus(EventDocument e, EventStatus status, String reason) {
        EventDocument.Builder changed =
                e.toBuilder().status(status, trimToNull(reason)).updatedAt(clock.instant());
        return (e.status() == status ? changed : changed.sequence(e.sequence() + 1)).build();
    }

    private EventDocument withOverrides(EventDocument e, List<EventDocument.OccurrenceOverride> overrides) {
        EventSchedule schedule =
                EventSchedule.validated(e.localStart(), e.localEnd(), e.timeZone(), e.recurrence(), overrides);
        return e.toBuilder()
                .utcSpan(schedule.firstStartUtc(), schedule.firstEndUtc(), schedule.lastEndUtc())
                .overrides(List.copyOf(overrides))
                .sequence(e.sequence() + 1)
                .updatedAt(clock.instant())
                .build();
    }

    /** SEQUENCE rises, as for a cancellation: the CANCEL sent to attendees must outrank their last invitation. */
    private EventDocument tombstone(EventDocument e) {
        Instant now = clock.instant();
        return e.toBuilder()
                .searchTerms(List.of())
                .sequence(e.sequence() + 1)
                .updatedAt(now)
                .deletedAt(now)
                .build();
    }

    static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
