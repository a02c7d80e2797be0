package org.tocsin.ical;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.tocsin.events.EventView;

/**
 * One event as an iCalendar object to attach to a mail (iTIP, RFC 5546): the same VEVENTs as the
 * feeds and {@code GET /events/{id}.ics} (same UID, SEQUENCE and times, rendered by the same code),
 * with METHOD PUBLISH, REQUEST or CANCEL. Calendar apps match a later CANCEL or updated REQUEST to
 * the earlier one by UID and take it if its SEQUENCE is not lower.
 *
 * <p><b>What is in it is what the caller passes.</b> The exact place and the online link of an event
 * whose location is for attendees only ({@code locationVisibility ATTENDEES}) appear only if the
 * {@link EventView} given already carries them ({@code locationHidden == false}), as the view made
 * for an organizer or a confirmed attendee does; a public view renders the city only. Choosing the
 * view for the recipient is the caller's decision.
 *
 * <p>The text is CRLF-terminated, folded at 75 octets, UTF-8; attach it as
 * {@code text/calendar; charset=UTF-8; method=REQUEST} (or PUBLISH, CANCEL) — see {@link #contentType}.
 * Rendering may read iCal4j's zone data on first use: call it off the event loop
 * ({@code Schedulers.boundedElastic()}).
 */
@Service
public class EventInvitations {

    private final IcsFeed feed;
    private final Clock clock;

    EventInvitations(IcsFeed feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
    }

    /** METHOD:PUBLISH: "add this to your calendar", no attendees (the same as the one-event download). */
    public String publish(EventView event) {
        return feed.message(event, IcsEvents.Itip.FEED, null, clock.instant());
    }

    /** METHOD:REQUEST, with an ORGANIZER; for a new or changed event (a higher SEQUENCE replaces it). */
    public String request(EventView event) {
        return request(event, null);
    }

    /**
     * METHOD:REQUEST naming the recipient as ATTENDEE (RSVP=FALSE: answers happen on Tocsin, not by reply
     * mail). RFC 5546 asks for an ATTENDEE in a REQUEST, and some mail clients only offer "add to
     * calendar" when it names the reader; the address is the recipient's own, in a mail to them only.
     */
    public String request(EventView event, String attendeeEmail) {
        return feed.message(event, IcsEvents.Itip.REQUEST, attendeeEmail, clock.instant());
    }

    /** METHOD:CANCEL: same UID and the event's SEQUENCE, every VEVENT STATUS:CANCELLED. */
    public String cancel(EventView event) {
        return cancel(event, null);
    }

    /** METHOD:CANCEL naming the recipient as ATTENDEE (for a REQUEST that named them). */
    public String cancel(EventView event, String attendeeEmail) {
        return feed.message(event, IcsEvents.Itip.CANCEL, attendeeEmail, clock.instant());
    }

    /** The MIME type to attach {@code ics} with: {@code text/calendar; charset=UTF-8; method=…}, the method read from it. */
    public static String contentType(String ics) {
        int at = ics.indexOf("\r\nMETHOD:");
        String method = at < 0 ? "PUBLISH" : ics.substring(at + 9, ics.indexOf("\r\n", at + 9));
        return "text/calendar; charset=UTF-8; method=" + method;
    }
}
