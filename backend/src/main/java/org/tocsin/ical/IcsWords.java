package org.tocsin.ical;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.tocsin.events.EventView;

/**
 * The words a VEVENT's SUMMARY and DESCRIPTION carry of their own, in one language. Feeds pass the
 * language their caller asked for ({@code ?lang=}, built by feeds.FeedWords); invitations are English.
 *
 * @param tag the language's tag, part of the fragment cache key so two languages never share a VEVENT
 * @param when the event's date as the first paragraph of DESCRIPTION, or null for none (calendar apps
 *     show the Gregorian date themselves; a Persian reader also wants the Solar Hijri one)
 * @param accessibility the event's accessibility line
 * @param user how user-written words are set among these words (Persian: isolated for bidi)
 */
public record IcsWords(
        String tag,
        String cancelled,
        String postponed,
        String speakers,
        String languages,
        String forAttendees,
        UnaryOperator<String> locationShared,
        String online,
        Function<EventView, String> when,
        Function<EventView, String> accessibility,
        UnaryOperator<String> user) {

    public static final IcsWords ENGLISH = new IcsWords(
            "en",
            "Cancelled",
            "Postponed",
            "Speakers",
            "Languages",
            "For attendees only",
            city -> city + ": the exact location is shared with confirmed attendees.",
            "Online",
            null,
            e -> e.accessibility().summary(),
            UnaryOperator.identity());
}
