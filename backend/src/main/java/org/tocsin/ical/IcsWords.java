package org.tocsin.ical;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.tocsin.events.EventView;
import org.tocsin.text.UserText;

/**
 * The words a VEVENT's SUMMARY and DESCRIPTION carry of their own, in one language. Feeds pass the
 * language their caller asked for ({@code ?lang=}, built by feeds.FeedWords); invitations are English.
 *
 * @param tag the language's tag, part of the fragment cache key so two languages never share a VEVENT
 * @param when the event's date as the first paragraph of DESCRIPTION, or null for none (calendar apps
 *     show the Gregorian date themselves; a Persian reader also wants the Solar Hijri one)
 * @param accessibility the event's accessibility line
 * @param user how user-written words are set among these words (Persian: isolated for bidi)
 * @param isolates whether {@code user} wraps user text in isolates (FSI…PDI) that the writer must keep: then
 *     the user's words are cleaned of bidi controls where they are composed ({@link #plain}, and {@code user}
 *     itself), and the lines written keep FSI and PDI; otherwise the writer drops every bidi control at the end
 * @param city the place's city in this language: the gazetteer's name in it (Persian: "برلین"), else the
 *     city as events name it, set as user-written words
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
        UnaryOperator<String> user,
        boolean isolates,
        Function<EventView.Place, String> city) {

    /** The bidi controls a writer keeps in lines of these words: the isolates they set, or none. */
    public static final String ISOLATES = "\u2068\u2069";

    /**
     * User text standing alone, not set among these words (a title as the SUMMARY, a description): as stored in
     * English (the writer cleans the whole line), cleaned of its own bidi controls and other controls where the
     * writer keeps isolates, so that only the isolates these words set reach the document.
     */
    public String plain(String text) {
        return isolates ? UserText.printable(text, "\t\n\r") : text;
    }

    /** What a writer keeps of the controls it otherwise drops: FSI and PDI when these words set them. */
    public String keptControls() {
        return isolates ? ISOLATES : "";
    }

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
            UnaryOperator.identity(),
            false,
            EventView.Place::city);
}
