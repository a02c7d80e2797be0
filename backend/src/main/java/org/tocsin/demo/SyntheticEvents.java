package org.tocsin.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.tocsin.events.EventKind;
import org.tocsin.events.EventRequest;

/**
 * Bulk events for load tests ({@code tocsin.demo.events=N}): the i-th of N is always the same event,
 * spread over the demo cities (within about 5 km of the centre) and the year ahead, one in twenty a
 * weekly series. Tagged {@code generated}, so nobody mistakes them for the hand-written demo actions.
 */
final class SyntheticEvents {

    private static final List<EventKind> KINDS = List.of(
            EventKind.VIGIL, EventKind.RALLY, EventKind.MARCH, EventKind.VIGIL, EventKind.MEETING, EventKind.SCREENING);
    private static final List<String> CAUSES = List.of(
            "for political prisoners",
            "against executions",
            "for Woman, Life, Freedom",
            "for imprisoned teachers",
            "for imprisoned workers",
            "for Baluch prisoners",
            "for Kurdish prisoners",
            "for imprisoned journalists");
    private static final List<String> PERSIAN = List.of(
            "شب‌زنده‌داری برای زندانیان سیاسی",
            "تجمع در برابر سفارت",
            "راهپیمایی علیه اعدام",
            "همبستگی با معلمان زندانی",
            "همبستگی با کارگران زندانی");
    private static final List<String> ABOUT = List.of(
            "Bring candles and photographs; we read the names of prisoners facing execution.",
            "Speeches, music and a minute of silence. Stewards will guide the route.",
            "Families of prisoners speak; signs in any language are welcome.",
            "با شمع و عکس زندانیان گرد هم می‌آییم و نام‌هایشان را بلند می‌خوانیم.");

    private SyntheticEvents() {}

    static EventRequest nth(int i, LocalDate today) {
        SplittableRandom random = new SplittableRandom(i);
        DemoCities.City city = DemoCities.ALL.get(random.nextInt(DemoCities.ALL.size()));
        EventKind kind = KINDS.get(random.nextInt(KINDS.size()));
        String title = random.nextInt(5) == 0
                ? PERSIAN.get(random.nextInt(PERSIAN.size()))
                : label(kind) + " " + CAUSES.get(random.nextInt(CAUSES.size())) + " in " + city.name();
        LocalDateTime start = today.plusDays(1 + random.nextInt(365)).atTime(10 + random.nextInt(10), 0);
        double lat = city.lat() + (random.nextDouble() - 0.5) * 0.09;
        double lon = city.lon() + (random.nextDouble() - 0.5) * 0.09;
        EventRequest.PlaceRequest place =
                new EventRequest.PlaceRequest(city.venue(), null, city.name(), city.country(), lat, lon);
        return new EventRequest(
                DemoOrganizations.localTo(city).slug(),
                title,
                ABOUT.get(random.nextInt(ABOUT.size())),
                kind,
                start,
                start.plusHours(2),
                city.zone(),
                i % 20 == 0 ? new EventRequest.RecurrenceRequest("FREQ=WEEKLY;COUNT=6", List.of()) : null,
                place,
                null,
                null,
                null,
                null,
                null,
                List.of("generated"),
                List.of("en", "fa"),
                null,
                List.of());
    }

    private static String label(EventKind kind) {
        return switch (kind) {
            case VIGIL -> "Vigil";
            case RALLY -> "Rally";
            case MARCH -> "March";
            case MEETING -> "Meeting";
            case SCREENING -> "Screening";
            default -> "Action";
        };
    }
}
