package org.tocsin.events;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tocsin.kernel.Dates;
import org.tocsin.kernel.Refusal;
import org.tocsin.kernel.WebLinks;
import org.tocsin.places.CityRef;

/** The checks on an event that annotations cannot express. Each failure names its field. */
final class EventRules {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 20_000;
    static final Duration MAX_DURATION = Duration.ofDays(14);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private EventRules() {}

    static void check(EventRequest request, CityRef city) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        if (request.place() == null && request.online() == null) {
            problems.add(new Refusal.FieldProblem("place", "an event needs a place, an online link, or both"));
        }
        if (request.place() != null) {
            if (!COUNTRIES.contains(request.place().countryCode().toUpperCase(Locale.ROOT))) {
                problems.add(new Refusal.FieldProblem("place.countryCode", "is not an ISO 3166 country code"));
            }
            if ((request.place().lat() == null) != (request.place().lon() == null)) {
                problems.add(new Refusal.FieldProblem("place.lat", "lat and lon go together"));
            }
        }
        if (request.online() != null && !WebLinks.isWebLink(request.online().url())) {
            problems.add(new Refusal.FieldProblem("online.url", "must be an http or https link"));
        }
        if (request.timeZone() == null && (city == null || city.timeZone() == null)) {
            problems.add(new Refusal.FieldProblem("timeZone", "is required: no time zone is known for this city yet"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    static void checkTimes(LocalDateTime start, LocalDateTime end, ZoneId zone) {
        if (start == null || end == null) {
            throw Refusal.invalid(start == null ? "start" : "end", "is required");
        }
        Dates.requireInRange("start", start);
        Dates.requireInRange("end", end);
        requireExists("start", start, zone);
        requireExists("end", end, zone);
        Duration length = Duration.between(ZonedDateTime.of(start, zone), ZonedDateTime.of(end, zone));
        if (!length.isPositive()) {
            throw Refusal.invalid("end", "must be after start");
        }
        if (length.compareTo(MAX_DURATION) > 0) {
            throw Refusal.invalid("end", "an occurrence may last at most 14 days; use a series for longer actions");
        }
    }

    /** The clocks skip this hour that day: better to ask than to guess what the organizer meant. */
    private static void requireExists(String field, LocalDateTime local, ZoneId zone) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw Refusal.invalid(field, "does not exist in " + zone.getId() + ": the clocks go forward at that time");
        }
    }
}
