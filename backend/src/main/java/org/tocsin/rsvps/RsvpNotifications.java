package org.tocsin.rsvps;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tocsin.events.Descriptions;
import org.tocsin.events.EventLookup;
import org.tocsin.events.EventView;
import org.tocsin.ical.EventInvitations;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.mail.MailAttachment;
import org.tocsin.mail.MailMessage;
import org.tocsin.mail.Mailer;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.text.Language;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Mails to people who RSVPed with an email: the confirmation (with the event's .ics and the manage
 * link), a waitlist promotion, an approval, a change of time or place (iTIP REQUEST), a cancellation
 * (iTIP CANCEL), and the day-before reminder. The mail is only queued (the outbox sends it later, with
 * retries) and rendering runs off the event loop. Every mail is queued in the flow that changed the
 * RSVP: one that answers a request (the confirmation with its manage link, an approval) before the
 * request is acknowledged, and fails it when it cannot be queued; the others (promotions, reminders,
 * changes) before that work is done, their failure logged without the address.
 *
 * <p>A mail speaks the language the person answered in: English, or Persian ({@link PersianMail}).
 *
 * <p>The invitation carries the exact place of an event kept for attendees only when the RSVP is
 * GOING; for a series it is the one date the RSVP is for (a VEVENT with the series' UID and that
 * date's RECURRENCE-ID), so a calendar shows only that date.
 */
@Component
class RsvpNotifications {

    private static final Logger log = LoggerFactory.getLogger(RsvpNotifications.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(
                    FormatStyle.FULL, FormatStyle.SHORT)
            .withLocale(Locale.ENGLISH);

    private final Mailer mailer;
    private final EventInvitations invitations;
    private final EventLookup events;
    private final PublicUrl publicUrl;

    RsvpNotifications(Mailer mailer, EventInvitations invitations, EventLookup events, PublicUrl publicUrl) {
        this.mailer = mailer;
        this.invitations = invitations;
        this.events = events;
        this.publicUrl = publicUrl;
    }

    enum Kind {
        CONFIRM_EMAIL,
        CONFIRMED,
        PROMOTED,
        APPROVED,
        CHANGED,
        CANCELLED,
        REMINDER,
        /** The location kept for attendees became public at its reveal time: the meeting point, told to those going. */
        LOCATION_REVEALED
    }

    /**
     * Queues the mail for {@code kind}, if the RSVP has an email; {@code manageToken} only when just issued.
     * Completes once the mail is durably in the outbox, so that a request can acknowledge only what a
     * crash cannot take back (the confirmation is a guest's only copy of the manage link); errors, logged
     * without the address, when it could not be queued.
     */
    Mono<Void> enqueue(Kind kind, RsvpDocument rsvp, String manageToken) {
        if (rsvp.email() == null) {
            return Mono.empty();
        }
        boolean attendee = rsvp.state() == RsvpState.GOING;
        // A series' RSVP is to one date: the invitation is that date (RECURRENCE-ID), not the whole series.
        return events.viewFor(rsvp.eventId(), rsvp.occurrenceKey(), attendee && kind != Kind.CANCELLED)
                .publishOn(Schedulers.boundedElastic())
                .map(event -> message(kind, rsvp, manageToken, event))
                .flatMap(mailer::enqueue)
                .doOnError(e -> log.warn(
                        "Mail ({}) for RSVP {} not queued: {}",
                        kind,
                        rsvp.id(),
                        e.getClass().getName()));
    }

    /**
     * {@link #enqueue(Kind, RsvpDocument, String)} for work that acknowledges nobody (promotions, reminders,
     * changes seen by a listener): composed into that work, completes once the mail is queued; a failure is
     * logged by {@code enqueue} and never fails the work.
     */
    Mono<Void> send(Kind kind, RsvpDocument rsvp, String manageToken) {
        return enqueue(kind, rsvp, manageToken).onErrorResume(e -> Mono.empty());
    }

    /**
     * Queues the mail for {@code kind} rendered from {@code event} as given (for an event that can no
     * longer be read: a deleted one); completes once the mail is in the outbox. Never fails.
     */
    Mono<Void> queue(Kind kind, RsvpDocument rsvp, EventView event) {
        if (rsvp.email() == null) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> message(kind, rsvp, null, event))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(mailer::enqueue)
                .onErrorResume(e -> {
                    log.warn(
                            "Mail ({}) for RSVP {} not queued: {}",
                            kind,
                            rsvp.id(),
                            e.getClass().getName());
                    return Mono.empty();
                })
                .then();
    }

    private MailMessage message(Kind kind, RsvpDocument rsvp, String manageToken, EventView event) {
        if (Language.of(rsvp.lang()) == Language.FA) {
            PersianMail.Words words =
                    PersianMail.of(kind, rsvp, manageToken == null ? null : manageLink(manageToken), event);
            return new MailMessage(
                    rsvp.email(),
                    words.subject(),
                    words.text(),
                    kind == Kind.CONFIRM_EMAIL ? List.of() : List.of(attachment(kind, rsvp, event)));
        }
        String when = when(rsvp, event);
        String subject = switch (kind) {
                    case CONFIRM_EMAIL -> "Please confirm your RSVP: ";
                    case CONFIRMED ->
                        switch (rsvp.state()) {
                            case GOING -> "You're going: ";
                            case WAITLISTED -> "You're on the waitlist: ";
                            case PENDING -> "RSVP received, awaiting approval: ";
                            case MAYBE -> "You might go: ";
                            default -> "Your RSVP: ";
                        };
                    case PROMOTED -> "A place opened up, you're going: ";
                    case APPROVED ->
                        rsvp.state() == RsvpState.GOING ? "Approved, you're going: " : "Approved, on the waitlist: ";
                    case CHANGED -> "Changed: ";
                    case CANCELLED -> "Cancelled: ";
                    case REMINDER -> "Tomorrow: ";
                    case LOCATION_REVEALED -> "Meeting point: ";
                }
                + event.title();
        StringBuilder text = new StringBuilder();
        text.append("Hello ").append(rsvp.name()).append(",\n\n");
        text.append(
                switch (kind) {
                    case CONFIRM_EMAIL ->
                        "Thank you for your RSVP to \"" + event.title() + "\". It counts once you confirm it: "
                                + "open the link below and confirm. If you did not RSVP, ignore this mail and nothing happens.";
                    case CONFIRMED ->
                        "Thank you for your RSVP to \"" + event.title() + "\". You are " + describe(rsvp) + ".";
                    case PROMOTED -> "A place has opened up: you are now going to \"" + event.title() + "\".";
                    case APPROVED ->
                        "The organizers approved your RSVP to \"" + event.title() + "\". You are " + describe(rsvp)
                                + ".";
                    case CHANGED ->
                        "The time or place of \"" + event.title() + "\" has changed. The attached invitation "
                                + "updates your calendar.";
                    case CANCELLED ->
                        "\"" + event.title() + "\" is cancelled"
                                + (event.statusReason() == null ? "." : ": " + event.statusReason());
                    case REMINDER -> "A reminder: \"" + event.title() + "\" is tomorrow.";
                    case LOCATION_REVEALED -> "The meeting point of \"" + event.title() + "\" is now known.";
                });
        text.append("\n\nWhen: ").append(when).append('\n');
        String where = where(event);
        if (kind == Kind.LOCATION_REVEALED && where != null) {
            text.append("The meeting point is now: ").append(where).append('\n');
        }
        if (event.online() != null && event.online().url() != null) {
            // Only in a view that may carry it (an attendee's, or a public link): the same rule as the invitation.
            text.append("Online: ").append(event.online().url()).append('\n');
        }
        if (event.privateNotes() != null && !event.privateNotes().isBlank()) {
            // Only in an attendee's view (EventLookup.viewFor): the mail of someone GOING.
            text.append("\nFrom the organizers, for attendees only (keep it to yourself):\n")
                    .append(Descriptions.toPlainText(event.privateNotes()))
                    .append("\n\n");
        }
        if (rsvp.guests() > 0) {
            text.append("Guests: ").append(rsvp.guests()).append('\n');
        }
        if (manageToken != null) {
            text.append("\nChange or withdraw your RSVP (keep this link to yourself): ")
                    .append(manageLink(manageToken))
                    .append('\n');
        }
        text.append("\nYou get this mail because you RSVPed on Tocsin with this address.\n");
        // A confirmation request carries no invitation: nothing is confirmed yet.
        return new MailMessage(
                rsvp.email(),
                subject,
                text.toString(),
                kind == Kind.CONFIRM_EMAIL ? List.of() : List.of(attachment(kind, rsvp, event)));
    }

    private MailAttachment attachment(Kind kind, RsvpDocument rsvp, EventView event) {
        String ics = switch (kind) {
            case CANCELLED -> invitations.cancel(event, rsvp.email());
            default ->
                rsvp.state() == RsvpState.GOING ? invitations.request(event, rsvp.email()) : invitations.publish(event);
        };
        return new MailAttachment(
                kind == Kind.CANCELLED ? "cancel.ics" : "invite.ics",
                EventInvitations.contentType(ics),
                ics.getBytes(StandardCharsets.UTF_8));
    }

    /** The web app's page for the RSVP ({@code /rsvp/{token}}); every page answers Referrer-Policy: no-referrer. */
    String manageLink(String manageToken) {
        return publicUrl.base() + "/rsvp/" + manageToken;
    }

    /** Venue, address and city as the view shows them (withheld parts are null in a view that may not carry them). */
    static String where(EventView event) {
        if (event.place() == null || event.locationHidden()) {
            return null;
        }
        EventView.Place p = event.place();
        return java.util.stream.Stream.of(p.venue(), p.address(), p.city())
                .filter(part -> part != null && !part.isBlank())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String describe(RsvpDocument rsvp) {
        return switch (rsvp.state()) {
            case GOING -> "going";
            case WAITLISTED -> "on the waitlist; we will write when a place opens up";
            case PENDING -> "waiting for the organizers to approve";
            case MAYBE -> "a maybe";
            case NOT_GOING -> "not going";
            case DECLINED -> "declined by the organizers";
            case UNCONFIRMED -> "not counted until you confirm";
        };
    }

    private static String when(RsvpDocument rsvp, EventView event) {
        ZoneId zone = ZoneId.of(event.timeZone());
        // A one-off event's own start is current even right after a change; a series names the RSVP's occurrence.
        ZonedDateTime start = (event.recurrence() == null ? event.startUtc() : rsvp.occurrenceStartUtc()).atZone(zone);
        return WHEN.format(start) + " (" + zone.getId() + ")";
    }
}
