package org.tocsin.ical;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Locale;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * VTIMEZONEs built from the JVM's own tz data (so Asia/Tehran has had no daylight saving since
 * 2022, whatever iCal4j's bundled definitions say), truncated to the span a feed needs: the
 * transition that put in force the offset at its start, each transition inside it, and, for zones that still change their clocks,
 * yearly rules from then on so a series without end stays right for years.
 */
final class TimeZoneComponents {

    private TimeZoneComponents() {}

    static VTimeZone of(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        VTimeZone vtimezone = new VTimeZone();
        vtimezone.add(new TzId(zone.getId()));
        // The first observance is the real transition that put the offset of `from` in force, with its
        // true TZOFFSETFROM. One dated at `from` with TZOFFSETFROM = TZOFFSETTO is legal but iCal4j (DAVx⁵,
        // ICSx⁵) reads it as "the offset before" and shows Sydney, Santiago or a Berlin summer an hour off.
        ZoneOffsetTransition before = rules.previousTransition(from.plusNanos(1));
        if (before != null) {
            vtimezone.add(observance(
                    rules.isDaylightSavings(before.getInstant()),
                    before.getDateTimeBefore(),
                    before.getOffsetBefore(),
                    before.getOffsetAfter(),
                    zone,
                    before.getInstant()));
        } else {
            // A zone that never changed its clocks (UTC, Etc/GMT+3): its one offset from the start.
            ZoneOffset initial = rules.getOffset(from);
            vtimezone.add(observance(
                    false, LocalDateTime.ofInstant(from, initial).withNano(0), initial, initial, zone, from));
        }
        ZoneOffsetTransition transition = rules.nextTransition(from);
        while (transition != null && transition.getInstant().isBefore(to)) {
            vtimezone.add(observance(
                    rules.isDaylightSavings(transition.getInstant()),
                    transition.getDateTimeBefore(),
                    transition.getOffsetBefore(),
                    transition.getOffsetAfter(),
                    zone,
                    transition.getInstant()));
            transition = rules.nextTransition(transition.getInstant());
        }
        if (transition != null && !rules.getTransitionRules().isEmpty()) {
            // From here on the zone follows fixed yearly rules: one recurring observance per rule.
            int year = LocalDateTime.ofInstant(transition.getInstant(), ZoneOffset.UTC)
                    .getYear();
            for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
                ZoneOffsetTransition first = rule.createTransition(year);
                if (first.getInstant().isBefore(transition.getInstant())) {
                    first = rule.createTransition(year + 1);
                }
                Observance observance = observance(
                        rules.isDaylightSavings(first.getInstant()),
                        first.getDateTimeBefore(),
                        first.getOffsetBefore(),
                        first.getOffsetAfter(),
                        zone,
                        first.getInstant());
                observance.add(new RRule<>(yearly(rule)));
                vtimezone.add(observance);
            }
        }
        return vtimezone;
    }

    private static Observance observance(
            boolean daylight, LocalDateTime start, ZoneOffset from, ZoneOffset to, ZoneId zone, Instant at) {
        Observance observance = daylight ? new Daylight() : new Standard();
        observance.add(new DtStart<>(start));
        observance.add(new TzOffsetFrom(from));
        observance.add(new TzOffsetTo(to));
        observance.add(new TzName(
                DateTimeFormatter.ofPattern("zzz", Locale.US).withZone(zone).format(at)));
        return observance;
    }

    /** "the second Sunday of March" as FREQ=YEARLY;BYMONTH=3;BYDAY=2SU. */
    private static String yearly(ZoneOffsetTransitionRule rule) {
        String month = "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue();
        DayOfWeek dow = rule.getDayOfWeek();
        int indicator = rule.getDayOfMonthIndicator();
        if (dow == null) {
            return month + ";BYMONTHDAY=" + indicator;
        }
        String day = dow.name().substring(0, 2);
        if (indicator == -1) {
            return month + ";BYDAY=-1" + day;
        }
        if (indicator > 0 && (indicator - 1) % 7 == 0) {
            return month + ";BYDAY=" + ((indicator - 1) / 7 + 1) + day;
        }
        // "that weekday on or after the 2nd" (or, negative, on or before the k-th last day): the weekday
        // within the seven month days that start there.
        StringBuilder days = new StringBuilder();
        for (int d = 0; d < 7; d++) {
            days.append(d == 0 ? "" : ",").append(indicator > 0 ? indicator + d : indicator - d);
        }
        return month + ";BYDAY=" + day + ";BYMONTHDAY=" + days;
    }
}
