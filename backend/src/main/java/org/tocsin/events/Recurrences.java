package org.tocsin.events;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * RFC 5545 RRULEs, parsed by iCal4j. Series expand in local wall time (so a weekly 18:00 vigil stays
 * at 18:00 across daylight-saving changes); a UTC UNTIL (what RFC 5545 requires with a TZID) is
 * turned into the zone's local time for that.
 */
final class Recurrences {

    private static final DateTimeFormatter UTC_UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter LOCAL_UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE_UNTIL = DateTimeFormatter.BASIC_ISO_DATE;

    private Recurrences() {}

    /** Upper case, no "RRULE:" prefix, no spaces: the stored form. */
    static String normalise(String rrule) {
        String rule = rrule.strip();
        if (rule.regionMatches(true, 0, "RRULE:", 0, 6)) {
            rule = rule.substring(6);
        }
        return rule.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Parses a normalised rule for expansion in {@code zone}; throws IllegalArgumentException with a reason. */
    static Recur<LocalDateTime> parse(String rrule, ZoneId zone) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rrule.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("'" + part + "' is not NAME=VALUE");
            }
            if (parts.put(part.substring(0, eq), part.substring(eq + 1)) != null) {
                throw new IllegalArgumentException(part.substring(0, eq) + " appears twice");
            }
        }
        if (!parts.containsKey("FREQ")) {
            throw new IllegalArgumentException("FREQ is required");
        }
        if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
            throw new IllegalArgumentException("COUNT and UNTIL exclude each other");
        }
        String until = parts.get("UNTIL");
        if (until != null) {
            parts.put("UNTIL", localUntil(until, zone));
        }
        Recur<LocalDateTime> recur;
        try {
            recur = new Recur<>(parts.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(";")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a valid RRULE: " + e.getMessage());
        }
        Frequency frequency = recur.getFrequency();
        if (frequency == Frequency.SECONDLY || frequency == Frequency.MINUTELY || frequency == Frequency.HOURLY) {
            throw new IllegalArgumentException("FREQ=" + frequency + " is not allowed; the shortest is DAILY");
        }
        if (recur.getCount() > EventSchedule.MAX_OCCURRENCES) {
            throw new IllegalArgumentException("COUNT may be at most " + EventSchedule.MAX_OCCURRENCES);
        }
        return recur;
    }

    private static String localUntil(String until, ZoneId zone) {
        try {
            if (until.endsWith("Z")) {
                LocalDateTime utc = LocalDateTime.parse(until, UTC_UNTIL);
                return utc.atOffset(ZoneOffset.UTC)
                        .atZoneSameInstant(zone)
                        .toLocalDateTime()
                        .format(LOCAL_UNTIL);
            }
            if (until.length() == 8) {
                // A date: the series runs through that whole day.
                return LocalDate.parse(until, DATE_UNTIL).atTime(23, 59, 59).format(LOCAL_UNTIL);
            }
            return LocalDateTime.parse(until, LOCAL_UNTIL).format(LOCAL_UNTIL);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("UNTIL must look like 20261231T235959Z");
        }
    }
}
