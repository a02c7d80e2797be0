package org.tocsin.rsvps;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.EventFacts;
import org.tocsin.events.EventLookup;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.Permission;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import reactor.core.publisher.Mono;

/**
 * RSVPs as an event's organizers see them: the list with names and emails, approval, removal.
 * Only ORGANIZER+ of the event's organization: strangers get a 404 (they learn nothing of the list),
 * members with a lesser role a 403, as for the event's other management routes.
 */
@Service
class OrganizerRsvps {

    private final RsvpStore store;
    private final EventLookup events;
    private final OrganizationAccess access;
    private final RsvpService rsvps;
    private final Seats seats;
    private final RsvpNotifications notifications;
    private final Clock clock;

    OrganizerRsvps(
            RsvpStore store,
            EventLookup events,
            OrganizationAccess access,
            RsvpService rsvps,
            Seats seats,
            RsvpNotifications notifications,
            Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
        this.store = store;
        this.events = events;
        this.access = access;
        this.rsvps = rsvps;
        this.seats = seats;
    }

    /** One RSVP in the organizers' list; {@code waitlistPosition} counts from 1 within its occurrence. */
    record Entry(
            String id,
            String occurrence,
            Instant occurrenceStartUtc,
            String name,
            String email,
            RsvpResponse response,
            int guests,
            RsvpState state,
            boolean approved,
            boolean account,
            Integer waitlistPosition,
            Instant createdAt,
            Instant updatedAt) {}

    Mono<List<Entry>> list(CurrentUser user, String eventId, String occurrence) {
        return managed(user, eventId)
                .flatMap(target -> store.ofEvent(eventId, occurrence).collectList())
                .map(OrganizerRsvps::entries);
    }

    Mono<RsvpDocument> approve(CurrentUser user, String eventId, String rsvpId) {
        return managedRsvp(user, eventId, rsvpId).flatMap(t -> {
            RsvpDocument r = t.rsvp();
            if (r.state() != RsvpState.PENDING) {
                return Mono.just(r);
            }
            // An approved RSVP then takes a place like any other: GOING, or WAITLISTED when full.
            // The mail is queued before the organizer's answer: a crash after it cannot lose the attendee's news.
            return seats.settle(r, r, Rsvps.Wish.of(r).asApproved(), t.target())
                    .flatMap(approved -> notifications
                            .enqueue(RsvpNotifications.Kind.APPROVED, approved, null)
                            .onErrorResume(e -> Mono.empty())
                            .thenReturn(approved));
        });
    }

    Mono<RsvpDocument> decline(CurrentUser user, String eventId, String rsvpId) {
        return managedRsvp(user, eventId, rsvpId).flatMap(t -> {
            RsvpDocument r = t.rsvp();
            RsvpDocument declined = Rsvps.withState(r, RsvpState.DECLINED, 0, null, clock.instant());
            return seats.touch(r)
                    .then(store.save(declined))
                    .flatMap(saved -> seats.afterChange(r, saved, t.target()).thenReturn(saved));
        });
    }

    Mono<Void> remove(CurrentUser user, String eventId, String rsvpId) {
        return managedRsvp(user, eventId, rsvpId).flatMap(t -> rsvps.remove(t.rsvp()));
    }

    private record Managed(EventFacts target, RsvpDocument rsvp) {}

    private Mono<Managed> managedRsvp(CurrentUser user, String eventId, String rsvpId) {
        return managed(user, eventId)
                .flatMap(target -> store.byId(rsvpId)
                        .filter(r -> r.eventId().equals(eventId))
                        .switchIfEmpty(Mono.error(Refusal.notFound("RSVP")))
                        .map(r -> new Managed(target, r)));
    }

    /** The event, when the caller is ORGANIZER+ of its organization. */
    Mono<EventFacts> managed(CurrentUser user, String eventId) {
        return events.visible(user, eventId)
                .flatMap(target -> access.roleOf(user, target.organizationId()).flatMap(role -> {
                    if (role.isEmpty()) {
                        return Mono.error(Refusal.notFound("Event"));
                    }
                    if (!Permission.MANAGE_EVENTS.grantedTo(role.get())) {
                        return Mono.error(Refusal.forbidden("Only ORGANIZERs and above see and manage RSVPs"));
                    }
                    return Mono.just(target);
                }));
    }

    static List<Entry> entries(List<RsvpDocument> all) {
        Map<String, Integer> positions = new HashMap<>();
        Map<String, Integer> perOccurrence = new HashMap<>();
        all.stream()
                .filter(r -> r.state() == RsvpState.WAITLISTED)
                .sorted(Comparator.comparing(RsvpDocument::queuedAt).thenComparing(RsvpDocument::id))
                .forEach(r -> positions.put(r.id(), perOccurrence.merge(r.occurrenceKey(), 1, Integer::sum)));
        return all.stream()
                .map(r -> new Entry(
                        r.id(),
                        r.occurrenceKey(),
                        r.occurrenceStartUtc(),
                        r.name(),
                        r.email(),
                        r.response(),
                        r.guests(),
                        r.state(),
                        r.approved(),
                        r.userId() != null,
                        positions.get(r.id()),
                        r.createdAt(),
                        r.updatedAt()))
                .toList();
    }
}
