package org.tocsin.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;

/**
 * The years a date or time sent to Tocsin may fall in. java.time reads years up to ±999,999,999,
 * and the arithmetic done on such a date (a window after it, an occurrence's end) overflows into a
 * DateTimeException, which was a 500 with a stack trace in the log. Every date a client sends, in a
 * body, a query or a path, is checked against this range where it is read, and refused outside it (a 400 at the edge).
 */
public final class Dates {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;
    public static final String OUT_OF_RANGE = "must fall in the years " + MIN_YEAR + " to " + MAX_YEAR;

    private Dates() {}

    private static final Instant FIRST =
            LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST =
            LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    public static boolean inRange(Temporal value) {
        if (value instanceof Instant instant) {
            // Compared, not converted: an Instant near its limits has no year in UTC's calendar to ask for.
            return !instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST);
        }
        int year = switch (value) {
            case LocalDate d -> d.getYear();
            case LocalDateTime d -> d.getYear();
            case OffsetDateTime d -> d.getYear();
            case ZonedDateTime d -> d.getYear();
            default -> value.isSupported(ChronoField.YEAR) ? value.get(ChronoField.YEAR) : MIN_YEAR;
        };
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** {@code value} itself, or a refusal naming {@code field} when it lies outside the years above. */
    public static <T extends Temporal> T requireInRange(String field, T value) {
        if (value != null && !inRange(value)) {
            throw Refusal.invalid(field, OUT_OF_RANGE);
        }
        return value;
    }
}
