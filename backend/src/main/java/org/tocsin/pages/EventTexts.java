package org.tocsin.pages;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tocsin.text.Digits;
import org.tocsin.text.Language;

/**
 * When an event happens, written for people in their language, in the event's own zone: Persian with
 * the Solar Hijri date first and the Gregorian one beside it, as the web app writes them. Also used by
 * mail, which has no browser to do it.
 */
public final class EventTexts {

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FA_GREGORIAN =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Language.FA.locale());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** Unicode isolates: a Latin zone name or address keeps its own order inside Persian text. */
    public static final char FSI = '\u2068';

    public static final char PDI = '\u2069';

    private EventTexts() {}

    public static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("UTC");
        }
    }

    /** "Thursday, 4 March 2027, 18:00 – 20:00 (Europe/Berlin)", or its Persian with the Solar Hijri date. */
    public static String when(Instant start, Instant end, String timeZone, Language language) {
        ZoneId zone = zone(timeZone);
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        String separator = language == Language.FA ? "، " : ", ";
        String endText = s.toLocalDate().equals(e.toLocalDate())
                ? TIME.format(e)
                : date(e.toLocalDate(), language) + separator + TIME.format(e);
        String text = date(s.toLocalDate(), language) + separator + TIME.format(s) + " – " + endText + " (" + FSI
                + zone.getId() + PDI + ")";
        return language == Language.FA ? Digits.persian(text) : text;
    }

    /** The Gregorian date beside a Persian one ("۴ مارس ۲۰۲۷"); null for languages that write Gregorian. */
    public static String gregorian(Instant start, String timeZone, Language language) {
        if (language != Language.FA) {
            return null;
        }
        return Digits.persian(FA_GREGORIAN.format(start.atZone(zone(timeZone))));
    }

    /** A local date and time as an event's zone reads it ("Thursday, 4 March 2027, 18:00"); as given if it does not parse. */
    static String local(String localDateTime, Language language) {
        try {
            java.time.LocalDateTime at = java.time.LocalDateTime.parse(localDateTime);
            String text = date(at.toLocalDate(), language) + (language == Language.FA ? "، " : ", ") + TIME.format(at);
            return language == Language.FA ? Digits.persian(text) : text;
        } catch (java.time.format.DateTimeParseException e) {
            return localDateTime;
        }
    }

    static String date(LocalDate date, Language language) {
        return language == Language.FA ? SolarHijri.format(date) : EN_DATE.format(date);
    }
}
