package org.tocsin.events;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.Permission;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * An event's link to a campaign as the host-an-action submissions see it. The link on the event
 * ({@code campaignId}) is the approved one only: a pending or declined submission lives with the
 * submissions, never on the event, so the read model, the campaign's page and counts, its feeds and
 * the widget treat it as absent without a rule of their own. Whoever calls {@link #link} has already
 * decided (the campaign's organizers approved, or the submitter is a partner).
 */
@Service
public class CampaignLinks {

    /** "In no campaign", as the expected current link. */
    private static final String NONE = "";

    private final EventStore store;
    private final OrganizationAccess access;
    private final EventChanges changes;
    private final EventIndex index;
    private final Clock clock;

    CampaignLinks(EventStore store, OrganizationAccess access, EventChanges changes, EventIndex index, Clock clock) {
        this.store = store;
        this.access = access;
        this.changes = changes;
        this.index = index;
        this.clock = clock;
    }

    /**
     * What a campaign's reviewers see of an event: what a stranger sees of a PUBLIC event (the city,
     * never the venue, address or exact point), its organization and the local day it starts.
     */
    public record Summary(
            String id,
            String organizationId,
            String campaignId,
            String title,
            Visibility visibility,
            EventStatus status,
            LocalDate startDate,
            Instant startUtc,
            String timeZone,
            String city,
            String countryCode,
            String cityKey,
            boolean online) {}

    /**
     * The event, if the caller is an ORGANIZER+ of its organization (else 404: whether an event exists
     * that the caller may not manage is not theirs to learn from here).
     */
    public Mono<Summary> managed(CurrentUser user, String eventId) {
        return store.byId(eventId)
                .filterWhen(e -> access.can(user, e.organizationId(), Permission.MANAGE_EVENTS))
                // A draft is its organization's alone: no campaign's reviewers see it before it is published.
                .filter(e -> !e.isDraft())
                .map(CampaignLinks::summary)
                .switchIfEmpty(Mono.error(Refusal.notFound("Event")));
    }

    /**
     * Events the index lists (not deleted, drafts or taken down), as stored, in the order asked; unknown
     * ids are left out. One query.
     */
    public Flux<Summary> summaries(Collection<String> eventIds) {
        List<String> ids = eventIds.stream()
                .distinct()
                .filter(id -> index.event(id) != null)
                .toList();
        return store.byIds(ids)
                .collectMap(EventDocument::id)
                .flatMapIterable(found -> ids.stream()
                        .map(found::get)
                        .filter(java.util.Objects::nonNull)
                        .map(CampaignLinks::summary)
                        .toList());
    }

    /**
     * Puts the event into the campaign (an approved submission), unless it is in another one meanwhile.
     * Completes empty if the event is gone.
     */
    public Mono<Void> link(String eventId, String campaignId) {
        return setCampaign(eventId, NONE, campaignId);
    }

    /** Takes the event out of the campaign, if it is in it (withdrawn, back to review, hidden). */
    public Mono<Void> unlink(String eventId, String campaignId) {
        return setCampaign(eventId, campaignId, null);
    }

    /** Ids of events whose time or place changed, as they change: approved links may go back to review. */
    public Flux<String> rescheduled() {
        return changes.changes()
                .filter(change -> change instanceof EventChange.Updated updated && updated.rescheduled())
                .map(EventChange::eventId);
    }

    private Mono<Void> setCampaign(String eventId, String expected, String next) {
        return Mono.defer(() -> store.byId(eventId)
                        .filter(e -> NONE.equals(expected) ? e.campaignId() == null : expected.equals(e.campaignId()))
                        .filter(e -> !Objects.equals(e.campaignId(), next))
                        .flatMap(e -> store.save(e.toBuilder()
                                .campaignId(next)
                                .updatedAt(clock.instant())
                                .build())))
                .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance))
                // Indexed before it answers, like every write (EventService), then told to followers.
                .flatMap(saved -> index.indexed(saved)
                        .then(
                                saved.isDraft()
                                        ? Mono.empty()
                                        : changes.publish(new EventChange.Updated(saved.id(), false, false))))
                .then();
    }

    private static Summary summary(EventDocument e) {
        EventDocument.Place p = e.place();
        return new Summary(
                e.id(),
                e.organizationId(),
                e.campaignId(),
                e.title(),
                e.visibility(),
                e.status(),
                LocalDateTime.parse(e.start()).toLocalDate(),
                e.startUtc(),
                e.timeZone(),
                p == null ? null : p.city(),
                p == null ? null : p.countryCode(),
                p == null ? null : p.cityKey(),
                e.online() != null);
    }
}
