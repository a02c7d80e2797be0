package org.tocsin.feeds;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tocsin.events.EventView;
import org.tocsin.ical.IcsWords;
import org.tocsin.pages.EventTexts;
import org.tocsin.pages.PageTexts;
import org.tocsin.text.Language;
import org.tocsin.text.UserText;

/**
 * The words the feeds write of their own ("When", "Cancelled", the accessibility line…) in the language
 * a subscriber asked for with {@code ?lang=}: the server pages' bundles (pages/messages*.properties),
 * dates as the pages write them (Persian: Persian digits, Solar Hijri with the Gregorian date beside
 * it), and user-written words between Unicode isolates in Persian so a Latin name never reorders the
 * sentence around it. English is what the feeds always wrote.
 */
@Component
class FeedWords {

    /** One language's words, for the JSON Feed and Atom writers and for iCalendar. */
    record Words(
            Language language,
            String when,
            String where,
            String online,
            String cancelled,
            String postponed,
            IcsWords ics,
            PageTexts texts) {

        /** "Cancelled: ", "Postponed: " or nothing. */
        String prefix(EventView e) {
            return switch (e.status()) {
                case CANCELLED -> cancelled + ": ";
                case POSTPONED -> postponed + ": ";
                case SCHEDULED -> "";
            };
        }

        /** User-written words set among ours: isolated in Persian, as they are in English. */
        String user(String text) {
            return ics.user().apply(text);
        }

        /** The place's city as this language names it (see {@link IcsWords#city}). */
        String city(EventView.Place place) {
            return ics.city().apply(place);
        }

        /** User text standing alone (see {@link IcsWords#plain}). */
        String plain(String text) {
            return ics.plain(text);
        }

        boolean english() {
            return language == Language.EN;
        }

        /**
         * The feed's name and line in this language: a feed reader or calendar app shows them as the feed's
         * title, so a Persian subscriber reads "کنش‌ها در برلین", not "Actions in Berlin". User-named words
         * stay as typed, isolated; a city is named as this language names it.
         */
        CalendarMeta named(CalendarMeta meta) {
            CalendarMeta.Wording w = meta.wording();
            if (english() || w == null) {
                return meta;
            }
            String[] words = w.words().stream()
                    .map(word -> w.ownNames()
                            .getOrDefault(word, Map.of())
                            .getOrDefault(language.tag(), UserText.printable(word, "")))
                    .toArray(String[]::new);
            return new CalendarMeta(
                    w.nameKey() == null ? meta.name() : texts.format(language, w.nameKey(), words),
                    texts.format(language, w.descriptionKey(), words),
                    meta.pageUrl(),
                    meta.feedPath(),
                    w);
        }

        /** The date and time, with the Solar Hijri date and its Gregorian one in Persian. */
        String date(EventView e) {
            return english() ? JsonFeed.when(e) : FeedWords.date(e, language);
        }

        String accessibility(EventView e) {
            return english() ? e.accessibility().summary() : FeedWords.accessibility(e, language, texts);
        }
    }

    private static String date(EventView e, Language language) {
        return EventTexts.when(e.startUtc(), e.endUtc(), e.timeZone(), language)
                + " — "
                + EventTexts.gregorian(e.startUtc(), e.timeZone(), language);
    }

    private static String accessibility(EventView e, Language language, PageTexts texts) {
        String listed = e.accessibility().features().stream()
                .map(f -> texts.get(language, "a11y_" + f.name().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("، "));
        String note = e.accessibility().note();
        boolean hasNote = note != null && !note.isBlank();
        return texts.get(language, "accessibility") + ": " + listed
                + (hasNote ? (listed.isEmpty() ? "" : ". ") + isolate(note) : "");
    }

    /** User text, cleaned of any bidi control of its own, between isolates (as rsvps.PersianMail does). */
    private static String isolate(String text) {
        return EventTexts.FSI + UserText.printable(text, "") + EventTexts.PDI;
    }

    /**
     * The gazetteer's name of the city in this language (ours: set as it is), else the city as typed,
     * isolated as any user text.
     */
    private static String city(EventView.Place place, Language language) {
        String named = place.cityNames() == null ? null : place.cityNames().get(language.tag());
        return named != null ? named : isolate(place.city());
    }

    private final Map<Language, Words> words = new EnumMap<>(Language.class);

    FeedWords(PageTexts texts) {
        for (Language language : Language.values()) {
            words.put(language, language == Language.EN ? ENGLISH : translated(texts, language));
        }
    }

    Words of(Language language) {
        return words.get(language);
    }

    /**
     * {@code ?lang=fa} (or fa-IR…); anything else, or nothing, is English, never an error. Accept-Language
     * is not read: a feed's address is what is shared and subscribed to, and it alone says the language.
     */
    static Language language(String lang) {
        return Language.of(lang);
    }

    /** What the feeds always wrote (no bundle is read for it: a feed reader may parse these words). */
    static final Words ENGLISH = new Words(
            Language.EN,
            "When",
            "Where",
            "online",
            IcsWords.ENGLISH.cancelled(),
            IcsWords.ENGLISH.postponed(),
            IcsWords.ENGLISH,
            null);

    private static Words translated(PageTexts texts, Language language) {
        IcsWords ics = new IcsWords(
                language.tag(),
                texts.get(language, "feed_cancelled"),
                texts.get(language, "feed_postponed"),
                texts.get(language, "speakers"),
                texts.get(language, "event_languages"),
                texts.get(language, "feed_for_attendees"),
                // The city comes set already (the gazetteer's name, or the typed one isolated).
                city -> texts.get(language, "feed_location_shared").replace("{0}", city),
                texts.get(language, "online"),
                e -> date(e, language),
                e -> accessibility(e, language, texts),
                FeedWords::isolate,
                true,
                place -> city(place, language));
        return new Words(
                language,
                texts.get(language, "when"),
                texts.get(language, "where"),
                texts.get(language, "online"),
                ics.cancelled(),
                ics.postponed(),
                ics,
                texts);
    }
}
