package org.tocsin.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.text.SearchText;

/**
 * Stored events as the index sees them, made without a database: the i-th of a run is always the same
 * event. 55 cities, starts spread over two years around {@code now} (one back, one ahead), one in twenty
 * a weekly series of 52 dates, a few hundred characters of description (and its HTML), 2,000
 * organizations, one event in fifty PRIVATE and one in fifty with its venue kept for attendees. For the
 * index benchmark ({@link IndexBench}) and the lean index's equivalence test.
 */
final class GeneratedEvents {

    static final int CITIES = 55;
    static final int ORGANIZATIONS = 2_000;
    private static final String[] COUNTRIES = {"DE", "GB", "CA", "US", "FR", "SE", "AU", "NL", "IR", "TR", "BR"};
    private static final String[] ZONES = {
        "Europe/Berlin", "Europe/London", "America/Toronto", "America/Los_Angeles", "Europe/Paris",
        "Europe/Stockholm", "Australia/Sydney", "Europe/Amsterdam", "Asia/Tehran", "Europe/Istanbul",
        "America/Sao_Paulo"
    };
    private static final EventKind[] KINDS = {
        EventKind.VIGIL, EventKind.RALLY, EventKind.MARCH, EventKind.VIGIL, EventKind.MEETING, EventKind.SCREENING
    };
    private static final String[] CAUSES = {
        "for political prisoners", "against executions", "for Woman, Life, Freedom", "for imprisoned teachers",
        "for imprisoned workers", "for Baluch prisoners", "for Kurdish prisoners", "for imprisoned journalists"
    };
    private static final String[] PERSIAN = {
        "شب‌زنده‌داری برای زندانیان سیاسی", "تجمع در برابر سفارت", "راهپیمایی علیه اعدام", "همبستگی با معلمان زندانی"
    };
    private static final String[] SENTENCES = {
        "Bring candles and photographs; we read the names of prisoners facing execution.",
        "Speeches, music and a minute of silence. Stewards will guide the route.",
        "Families of prisoners speak; signs in any language are welcome.",
        "با شمع و عکس زندانیان گرد هم می‌آییم و نام‌هایشان را بلند می‌خوانیم.",
        "The square is step-free; a quiet area is set up next to the first-aid tent.",
        "Please do not photograph faces without consent: some of us have families at home.",
        "We march from the town hall to the embassy and end with a reading of letters from Evin.",
        "Interpreters translate every speech into Persian, Kurdish and English.",
        "Drinks and snacks are shared afterwards; bring a cup if you can.",
        "Lawyers explain how to write to a prisoner and what a letter can change."
    };
    private static final String[] TAGS = {
        "prisoners",
        "executions",
        "women",
        "teachers",
        "workers",
        "students",
        "kurdistan",
        "baluchistan",
        "journalists",
        "solidarity",
        "vigil",
        "music",
        "art",
        "families",
        "lawyers",
        "letters",
        "embassy",
        "asylum",
        "labour",
        "climate"
    };

    private GeneratedEvents() {}

    record City(String name, String country, String key, String zone, double lat, double lon) {}

    static City city(int c) {
        String country = COUNTRIES[c % COUNTRIES.length];
        return new City(
                "City" + c,
                country,
                country.toLowerCase(Locale.ROOT) + "/city" + c,
                ZONES[c % ZONES.length],
                -40 + c * 1.5,
                -120 + c * 4.3);
    }

    static String organization(int o) {
        return "org" + o;
    }

    static EventDocument nth(int i, Instant now) {
        SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 17);
        City city = city(random.nextInt(CITIES));
        EventKind kind = KINDS[random.nextInt(KINDS.length)];
        String title = random.nextInt(5) == 0
                ? PERSIAN[random.nextInt(PERSIAN.length)]
                : kind.name().toLowerCase(Locale.ROOT) + " " + CAUSES[random.nextInt(CAUSES.length)] + " in "
                        + city.name();
        StringBuilder description = new StringBuilder();
        for (int s = 0, n = 3 + random.nextInt(5); s < n; s++) {
            description.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
        }
        description.append("Contact: organizer").append(i % 50_000).append('.');
        String text = description.toString();
        ZoneId zone = ZoneId.of(city.zone());
        LocalDateTime start = LocalDateTime.ofInstant(now, zone)
                .truncatedTo(ChronoUnit.DAYS)
                .plusDays(random.nextInt(730) - 365)
                .withHour(10 + random.nextInt(10));
        LocalDateTime end = start.plusHours(2);
        boolean series = i % 20 == 0;
        LocalDateTime lastEnd = series ? end.plusWeeks(51) : end;
        boolean hidden = random.nextInt(50) == 0;
        Visibility visibility = random.nextInt(50) == 0 ? Visibility.PRIVATE : Visibility.PUBLIC;
        String venue = "Hall " + random.nextInt(400) + " Gartenweg";
        EventDocument.Place place = new EventDocument.Place(
                venue,
                null,
                city.name(),
                city.country(),
                city.key(),
                city.lat() + (random.nextDouble() - 0.5) * 0.09,
                city.lon() + (random.nextDouble() - 0.5) * 0.09);
        List<String> tags = new ArrayList<>();
        for (int t = 0, n = 1 + random.nextInt(3); t < n; t++) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        Instant created = now.minusSeconds(86_400L * 30 + i);
        LocationVisibility locationVisibility = hidden ? LocationVisibility.ATTENDEES : LocationVisibility.PUBLIC;
        return new EventDocument(
                "ev" + Integer.toString(i, 36) + "x" + Long.toString(random.nextLong() & 0xffffffffL, 36),
                organization(random.nextInt(ORGANIZATIONS)),
                random.nextInt(10) == 0 ? "campaign" + random.nextInt(5) : null,
                title,
                text,
                "<p>" + text + "</p>",
                kind,
                EventStatus.SCHEDULED,
                null,
                city.zone(),
                start.toString(),
                end.toString(),
                start.atZone(zone).toInstant(),
                end.atZone(zone).toInstant(),
                lastEnd.atZone(zone).toInstant(),
                series ? new EventDocument.Recurrence("FREQ=WEEKLY;COUNT=52", List.of()) : null,
                List.of(),
                place,
                null,
                List.of(),
                List.copyOf(tags),
                List.of("en", "fa"),
                null,
                null,
                RsvpMode.OPEN,
                visibility,
                locationVisibility,
                EventSearch.termsOf(title, text, place, List.of(), locationVisibility)
                        .visible(),
                0,
                created,
                created,
                null,
                1L,
                null,
                null,
                List.of());
    }

    /** The words and cities discovery is benchmarked with (the same shapes as bench/discovery-bench.sh). */
    static final List<String> COMMON_WORDS = List.of("prisoners", "vigil", "زندانیان", "teachers", "سفارت", "march");

    static final List<String> RARE_WORDS = List.of("tribunal", "nomatch", "دادگاه", "organizer4711", "quorum");

    static List<String> tokens(String q) {
        return SearchText.tokens(q);
    }
}
