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

    /**
     * {@link #normalise(String)}, and a local or date UNTIL made the UTC date-time RFC 5545 requires when
     * DTSTART has a TZID (every event's does), computed in the event's zone: clients that sent a local
     * UNTIL get a rule every calendar app reads the same. Anything unreadable is left for {@link #parse}
     * to refuse.
     */
    static String normalise(String rrule, String zone) {
        return withUtcUntil(normalise(rrule), zone);
    }

    /** The rule with its UNTIL in UTC ("...;UNTIL=20270401T215959Z"), as served; unchanged if it has none. */
    static String withUtcUntil(String rule, String zone) {
        int at = rule.indexOf("UNTIL=");
        if (at < 0 || (at > 0 && rule.charAt(at - 1) != ';')) {
            return rule;
        }
        int end = rule.indexOf(';', at);
        String until = rule.substring(at + 6, end < 0 ? rule.length() : end);
        if (until.endsWith("Z")) {
            return rule;
        }
        try {
            ZoneId id = ZoneId.of(zone);
            LocalDateTime local = LocalDateTime.parse(localUntil(until, id), LOCAL_UNTIL);
            String utc = local.atZone(id)
                    .withZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime()
                    .format(UTC_UNTIL);
            return rule.substring(0, at + 6) + utc + (end < 0 ? "" : rule.substring(end));
        } catch (RuntimeException unreadable) {
            return rule;
        }
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
