package org.tocsin.events;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an organizer's RRULE may cost, decided from its text alone, before anything is expanded.
 * iCal4j builds every candidate of a period (a whole year for FREQ=YEARLY) before it applies COUNT
 * or a limit, so a 300-character rule asking for every second of every day of a year made 31.5 M
 * date-times in one request. Each BY* part here has its RFC 5545 range and its list a bounded
 * length, and the product of the expanding parts (an upper bound on one period's candidates) must
 * stay small; only then is the rule expanded, which {@link EventSchedule#validated} does to count
 * the occurrences exactly. Stored rules passed this when they were written and are not checked again.
 */
final class RecurrenceBounds {

    /** Start times in one day (BYHOUR × BYMINUTE × BYSECOND): an action may repeat hourly, not more often. */
    static final int MAX_TIMES_PER_DAY = 24;
    /** Candidates iCal4j may build for one period of the rule (a year, a month, a week or a day). */
    static final int MAX_CANDIDATES_PER_PERIOD = 10_000;
    /** INTERVAL spans at most this many years. */
    static final int MAX_YEARS_BETWEEN = 10;
    /** UNTIL may lie at most this many years after the start (a series without an end needs no UNTIL). */
    static final int MAX_UNTIL_YEARS = 10;

    private static final int MAX_LIST = 400;

    private static final Set<String> PARTS = Set.of(
            "FREQ",
            "UNTIL",
            "COUNT",
            "INTERVAL",
            "BYSECOND",
            "BYMINUTE",
            "BYHOUR",
            "BYDAY",
            "BYMONTHDAY",
            "BYYEARDAY",
            "BYWEEKNO",
            "BYMONTH",
            "BYSETPOS",
            "WKST");
    private static final Pattern WEEKDAY = Pattern.compile("^(?:[+-]?(\\d{1,2}))?(MO|TU|WE|TH|FR|SA|SU)$");
    private static final Pattern NUMBER = Pattern.compile("^[+-]?\\d{1,5}$");

    private RecurrenceBounds() {}

    /**
     * Throws IllegalArgumentException with a reason the organizer can act on when {@code rrule} (in
     * its stored, normalised form) is malformed beyond what iCal4j checks, or too expensive to expand.
     */
    static void check(String rrule, LocalDateTime start) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rrule.split(";")) {
            int eq = part.indexOf('=');
            String name = eq <= 0 ? part : part.substring(0, eq);
            if (!PARTS.contains(name)) {
                throw new IllegalArgumentException(name + " is not a recurrence part this service supports");
            }
            parts.put(name, part.substring(eq + 1));
        }
        String freq = parts.get("FREQ");
        int maxInterval = switch (freq) {
            case "YEARLY" -> MAX_YEARS_BETWEEN;
            case "MONTHLY" -> MAX_YEARS_BETWEEN * 12;
            case "WEEKLY" -> MAX_YEARS_BETWEEN * 52;
            case "DAILY" -> MAX_YEARS_BETWEEN * 365;
            default -> throw new IllegalArgumentException("FREQ=" + freq + " is not allowed; the shortest is DAILY");
        };
        if (parts.containsKey("INTERVAL")) {
            // A series repeats at least every ten years; more is a typo or an attack.
            number("INTERVAL", parts.get("INTERVAL"), 1, maxInterval, false);
        }
        if (parts.containsKey("COUNT")) {
            number("COUNT", parts.get("COUNT"), 1, EventSchedule.MAX_OCCURRENCES, false);
        }
        String until = parts.get("UNTIL");
        if (until != null
                && until.length() >= 4
                && until.substring(0, 4).chars().allMatch(Character::isDigit)
                && Integer.parseInt(until.substring(0, 4)) > start.getYear() + MAX_UNTIL_YEARS) {
            throw new IllegalArgumentException("UNTIL may be at most " + MAX_UNTIL_YEARS
                    + " years after the start; leave it out for a series without an end");
        }

        int seconds = size("BYSECOND", parts, 0, 60, false);
        int minutes = size("BYMINUTE", parts, 0, 59, false);
        int hours = size("BYHOUR", parts, 0, 23, false);
        int monthDays = size("BYMONTHDAY", parts, 1, 31, true);
        int yearDays = size("BYYEARDAY", parts, 1, 366, true);
        int weeks = size("BYWEEKNO", parts, 1, 53, true);
        int months = size("BYMONTH", parts, 1, 12, false);
        size("BYSETPOS", parts, 1, 366, true);
        int weekdays = weekdays(parts.get("BYDAY"));
        if (parts.containsKey("WKST") && !WEEKDAY.matcher(parts.get("WKST")).matches()) {
            throw new IllegalArgumentException("WKST must be a day such as MO");
        }

        long timesPerDay = (long) Math.max(1, seconds) * Math.max(1, minutes) * Math.max(1, hours);
        if (timesPerDay > MAX_TIMES_PER_DAY) {
            throw new IllegalArgumentException("asks for " + timesPerDay + " start times a day (BYHOUR × BYMINUTE"
                    + " × BYSECOND); at most " + MAX_TIMES_PER_DAY + " are allowed");
        }
        long days = daysPerPeriod(freq, weekdays, monthDays, yearDays, weeks, months);
        if (days * timesPerDay > MAX_CANDIDATES_PER_PERIOD) {
            throw new IllegalArgumentException("is too expensive to expand: its BY parts combine to up to "
                    + days * timesPerDay + " date-times per " + period(freq) + " (at most "
                    + MAX_CANDIDATES_PER_PERIOD + "); use fewer or simpler BY parts");
        }
    }

    /**
     * An upper bound on the days one period can hold before the limiting parts filter them: each
     * expanding part multiplies by its length (RFC 5545, section 3.3.10, the table of expand and limit).
     */
    private static long daysPerPeriod(String freq, int weekdays, int monthDays, int yearDays, int weeks, int months) {
        return switch (freq) {
            case "DAILY" -> 1;
            case "WEEKLY" -> Math.max(1, weekdays);
            case "MONTHLY" -> monthDays > 0 ? monthDays : Math.max(1, weekdays * 5L);
            default -> {
                long n = Math.max(1, months);
                if (weeks > 0) {
                    n *= weeks * 7L;
                }
                if (yearDays > 0) {
                    n *= yearDays;
                }
                if (monthDays > 0) {
                    n *= monthDays * (months > 0 ? 1L : 12L);
                }
                if (weekdays > 0 && yearDays == 0 && monthDays == 0) {
                    n *= weekdays * (weeks > 0 ? 1L : months > 0 ? 5L : 53L);
                }
                yield n;
            }
        };
    }

    private static String period(String freq) {
        return switch (freq) {
            case "DAILY" -> "day";
            case "WEEKLY" -> "week";
            case "MONTHLY" -> "month";
            default -> "year";
        };
    }

    /** How many distinct values a numeric BY list holds, each checked against its range (negatives count from the end). */
    private static int size(String name, Map<String, String> parts, int min, int max, boolean signed) {
        String list = parts.get(name);
        if (list == null) {
            return 0;
        }
        Set<Integer> values = new HashSet<>();
        for (String value : items(name, list)) {
            values.add(number(name, value, min, max, signed));
        }
        return values.size();
    }

    private static int weekdays(String list) {
        if (list == null) {
            return 0;
        }
        Set<String> values = new HashSet<>();
        for (String value : items("BYDAY", list)) {
            var m = WEEKDAY.matcher(value);
            if (!m.matches()
                    || (m.group(1) != null
                            && (Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 53))) {
                throw new IllegalArgumentException("BYDAY must list days such as MO, TU or 1MO, -1FR");
            }
            values.add(value);
        }
        return values.size();
    }

    private static String[] items(String name, String list) {
        String[] items = list.split(",", -1);
        if (items.length > MAX_LIST) {
            throw new IllegalArgumentException(name + " lists too many values");
        }
        return items;
    }

    private static int number(String name, String value, int min, int max, boolean signed) {
        if (!NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be " + (signed ? "±" : "") + min + " to " + max);
        }
        int n = Integer.parseInt(value);
        int magnitude = signed ? Math.abs(n) : n;
        if (magnitude < min || magnitude > max || (!signed && value.startsWith("-"))) {
            throw new IllegalArgumentException(name + " must be " + (signed ? "±" : "") + min + " to " + max);
        }
        return n;
    }
}
