package org.tocsin.rsvps;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.accounts.Emails;
import org.tocsin.accounts.SecretTokens;
import org.tocsin.events.EventFacts;
import org.tocsin.events.EventLookup;
import org.tocsin.events.EventStatus;
import org.tocsin.events.Occurrence;
import org.tocsin.events.RsvpMode;
import org.tocsin.kernel.Refusal;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import org.tocsin.storage.Ids;
import org.tocsin.text.Language;
import reactor.core.publisher.Mono;

/**
 * RSVPs as the people who give them see them: answer (signed in or not), then read, change or
 * withdraw through the manage token. The token is the only credential a guest has; it is shown
 * once, and only its SHA-256 is stored.
 */
@Service
public class RsvpService {

    static final String MANAGE_TOKEN_PREFIX = "tcm_";

    private final RsvpStore store;
    private final EventLookup events;
    private final Seats seats;
    private final RsvpNotifications notifications;
    private final Clock clock;

    RsvpService(RsvpStore store, EventLookup events, Seats seats, RsvpNotifications notifications, Clock clock) {
        this.store = store;
        this.events = events;
        this.seats = seats;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** An RSVP with the manage token that was just issued for it. */
    record Answered(RsvpDocument rsvp, String manageToken, boolean created) {}

    Mono<Answered> answer(CurrentUser user, String eventId, RsvpRequest request) {
        return Mono.defer(() -> answer(user, eventId, request, email(request.email())))
                // The confirmation carries the manage link: sent whenever a token is issued, and queued
                // before the answer goes out, so that a crash cannot lose the mail of an acknowledged RSVP.
                .flatMap(a -> notifications
                        .enqueue(
                                a.rsvp().state() == RsvpState.UNCONFIRMED
                                        ? RsvpNotifications.Kind.CONFIRM_EMAIL
                                        : RsvpNotifications.Kind.CONFIRMED,
                                a.rsvp(),
                                a.manageToken())
                        .thenReturn(a)
                        .onErrorResume(e -> mailNotQueued(a)));
    }

    /**
     * The confirmation could not be queued (the store failed): a new RSVP is taken back, since its mail
     * may be the only copy of its manage link, and the caller is told to try again.
     */
    private Mono<Answered> mailNotQueued(Answered a) {
        Mono<Void> undo = a.created() ? remove(a.rsvp()).onErrorResume(e -> Mono.empty()) : Mono.empty();
        return undo.then(Mono.error(Refusal.of(
                Refusal.Reason.TRY_AGAIN,
                a.created()
                        ? "Your RSVP could not be confirmed by mail just now, so it was not stored; try again"
                        : "Your RSVP was changed, but its confirmation mail could not be queued; answer again "
                                + "for a new manage link")));
    }

    private Mono<Answered> answer(CurrentUser user, String eventId, RsvpRequest request, String email) {
        return events.visible(user, eventId).flatMap(target -> {
            Instant now = clock.instant();
            if (target.rsvpMode() == RsvpMode.CLOSED) {
                return Mono.error(RsvpProblems.closed());
            }
            Occurrence occurrence = target.occurrence(request.occurrence(), now)
                    .orElseThrow(() -> request.occurrence() == null
                            ? RsvpProblems.ended()
                            : Refusal.invalid("occurrence", "is not an occurrence of this event"));
            checkOpen(target, occurrence, now);
            String token = SecretTokens.generate(MANAGE_TOKEN_PREFIX);
            Rsvps.Wish wish =
                    new Rsvps.Wish(request.name().strip(), email, request.response(), request.guestCount(), false);
            Mono<RsvpDocument> existing =
                    user == null ? Mono.empty() : store.byOwner(eventId, occurrence.key(), "u:" + user.id());
            return existing
                    // A signed-in person has one RSVP per occurrence: answering again changes it (and its token).
                    .flatMap(current -> seats.settle(
                                    current,
                                    Rsvps.withTokenHash(current, SecretTokens.hash(token)),
                                    wishKeepingApproval(current, wish),
                                    target)
                            .map(saved -> new Answered(saved, token, false)))
                    .switchIfEmpty(Mono.defer(() -> {
                        String id = Ids.newId();
                        RsvpDocument identity = new RsvpDocument(
                                id,
                                eventId,
                                occurrence.key(),
                                occurrence.startUtc(),
                                occurrence.endUtc(),
                                user == null ? "g:" + id : "u:" + user.id(),
                                user == null ? null : user.id(),
                                null,
                                null,
                                null,
                                0,
                                null,
                                false,
                                0,
                                null,
                                SecretTokens.hash(token),
                                null,
                                now,
                                now,
                                null,
                                Language.of(request.lang()).tag());
                        if (user == null && target.rsvpMode() == RsvpMode.EMAIL_CONFIRMED) {
                            return unconfirmed(identity, wish, now).map(saved -> new Answered(saved, token, true));
                        }
                        return seats.settle(null, identity, wish, target)
                                .map(saved -> new Answered(saved, token, true));
                    }));
        });
    }

    /**
     * A guest's RSVP to an EMAIL_CONFIRMED event: stored, counting for nothing, until its holder confirms
     * it with the token, which only the mail to the address given carries.
     */
    private Mono<RsvpDocument> unconfirmed(RsvpDocument identity, Rsvps.Wish wish, Instant now) {
        if (wish.email() == null) {
            return Mono.error(Refusal.invalid("email", "is required: this event confirms guests' RSVPs by email"));
        }
        return store.insert(Rsvps.settled(identity, wish, RsvpState.UNCONFIRMED, 0, null, now));
    }

    /** Confirms an UNCONFIRMED RSVP: it now takes a place (or waits in line) like any other. */
    Mono<RsvpDocument> confirm(String token) {
        return byToken(token)
                .flatMap(current -> current.state() != RsvpState.UNCONFIRMED
                        ? Mono.just(current)
                        : target(current).flatMap(target -> {
                            checkOpen(target, occurrenceOf(target, current), clock.instant());
                            // Queued before the answer: a crash after it cannot lose the invitation of a confirmed
                            // RSVP.
                            return seats.settle(current, current, Rsvps.Wish.of(current), target)
                                    .flatMap(confirmed -> notifications
                                            .enqueue(RsvpNotifications.Kind.CONFIRMED, confirmed, null)
                                            .onErrorResume(e -> Mono.empty())
                                            .thenReturn(confirmed));
                        }));
    }

    /** The RSVP a manage token opens; 404 for an unknown (or withdrawn, or expired) one. */
    Mono<RsvpDocument> byToken(String token) {
        if (token == null || !token.startsWith(MANAGE_TOKEN_PREFIX)) {
            return Mono.error(Refusal.notFound("RSVP"));
        }
        return store.byTokenHash(SecretTokens.hash(token)).switchIfEmpty(Mono.error(Refusal.notFound("RSVP")));
    }

    Mono<RsvpDocument> change(String token, RsvpChange change) {
        return byToken(token)
                .flatMap(current -> target(current).flatMap(target -> {
                    checkOpen(target, occurrenceOf(target, current), clock.instant());
                    Rsvps.Wish wish = new Rsvps.Wish(
                            change.name() == null
                                    ? current.name()
                                    : change.name().strip(),
                            change.email() == null ? current.email() : email(change.email()),
                            change.response() == null ? current.response() : change.response(),
                            change.guests() == null ? current.guests() : change.guests(),
                            current.approved());
                    return seats.settle(current, current, wish, target);
                }));
    }

    /** Withdrawn RSVPs are deleted outright (data minimisation); their places go to the waitlist. */
    Mono<Void> withdraw(String token) {
        return byToken(token).flatMap(this::remove);
    }

    Mono<Void> remove(RsvpDocument rsvp) {
        return seats.touch(rsvp)
                .then(store.delete(rsvp))
                .flatMap(deleted -> deleted
                        ? events.byId(rsvp.eventId()).flatMap(target -> seats.afterRemoval(rsvp, target))
                        : Mono.error(Refusal.of(
                                Refusal.Reason.CONFLICT, "The RSVP changed at the same time; reload and try again")));
    }

    Mono<EventFacts> target(RsvpDocument rsvp) {
        return events.byId(rsvp.eventId()).switchIfEmpty(Mono.error(RsvpProblems.cancelled()));
    }

    /** Where a WAITLISTED RSVP stands in its occurrence's line, counting from 1; empty for any other state. */
    Mono<Integer> waitlistPosition(RsvpDocument rsvp) {
        return rsvp.state() != RsvpState.WAITLISTED
                ? Mono.empty()
                : store.waitlistedAhead(rsvp).map(ahead -> (int) (ahead + 1));
    }

    private static Occurrence occurrenceOf(EventFacts target, RsvpDocument rsvp) {
        return target.occurrenceByKey(rsvp.occurrenceKey()).orElseThrow(RsvpProblems::cancelled);
    }

    private static void checkOpen(EventFacts target, Occurrence occurrence, Instant now) {
        if (target.draft()) {
            // Members may read a draft; nobody answers it before it is published (no mail about it goes out).
            throw Refusal.of(Refusal.Reason.CONFLICT, "The event is not published yet");
        }
        if (target.status() == EventStatus.CANCELLED || occurrence.cancelled()) {
            throw RsvpProblems.cancelled();
        }
        if (!occurrence.endUtc().isAfter(now)) {
            throw RsvpProblems.ended();
        }
    }

    private static Rsvps.Wish wishKeepingApproval(RsvpDocument current, Rsvps.Wish wish) {
        return new Rsvps.Wish(wish.name(), wish.email(), wish.response(), wish.guests(), current.approved());
    }

    private static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        if (!Emails.looksValid(email)) {
            throw Refusal.invalid("email", "is not an email address");
        }
        return Emails.normalise(email);
    }
}
