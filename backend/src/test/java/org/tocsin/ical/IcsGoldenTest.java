package org.tocsin.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.events.EventKind;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventView;
import org.tocsin.events.LocationVisibility;
import org.tocsin.events.RsvpMode;
import org.tocsin.events.Visibility;

/**
 * A representative feed, byte for byte: three zones, a series with an EXDATE, a moved and a
 * cancelled occurrence, a cancelled event, an online session, Persian text with commas and
 * semicolons, and a long description that must fold by octets. Any change to the output shows
 * here as a diff; regenerate deliberately with {@code -Dgolden.update=true}.
 */
class IcsGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/ical/representative.ics");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant CREATED = Instant.parse("2026-11-01T09:30:00Z");
    private static final EventView.Owner ORG = new EventView.Owner("united", "United, for freedom; now");

    static EventView event(
            String id,
            String title,
            String description,
            EventKind kind,
            EventStatus status,
            String start,
            String end,
            String zone,
            EventView.Recurrence recurrence,
            List<EventView.OccurrenceChange> changes,
            EventView.Place place,
            EventView.Online online,
            int sequence) {
        return new EventView(
                id,
                ORG,
                null,
                title,
                description,
                "",
                kind,
                status,
                null,
                start,
                end,
                zone,
                utc(start, zone),
                utc(end, zone),
                null,
                recurrence,
                changes,
                place,
                online,
                false,
                List.of(),
                List.of("iran"),
                List.of("fa"),
                null,
                RsvpMode.OPEN,
                Visibility.PUBLIC,
                LocationVisibility.PUBLIC,
                null,
                sequence,
                CREATED,
                CREATED.plusSeconds(3600L * sequence));
    }

    private static Instant utc(String local, String zone) {
        return ZonedDateTime.of(LocalDateTime.parse(local), ZoneId.of(zone)).toInstant();
    }

    static List<EventView> representative() {
        return List.of(
                event(
                        "a1",
                        "Weekly vigil outside City Hall",
                        "Every Thursday, candles provided.",
                        EventKind.VIGIL,
                        EventStatus.SCHEDULED,
                        "2027-02-25T18:00",
                        "2027-02-25T19:00",
                        "America/Los_Angeles",
                        new EventView.Recurrence("FREQ=WEEKLY;COUNT=6", List.of("2027-03-11T18:00")),
                        List.of(
                                new EventView.OccurrenceChange(
                                        "2027-03-18T18:00", false, "2027-03-19T17:00", "2027-03-19T18:00"),
                                new EventView.OccurrenceChange("2027-03-25T18:00", true, null, null)),
                        new EventView.Place(
                                "City Hall",
                                "200 N Spring St",
                                "Los Angeles",
                                "US",
                                "us/los-angeles",
                                34.0537,
                                -118.2428),
                        null,
                        2),
                event(
                        "b2",
                        "تجمع در تهران، برای آزادی; با شمع",
                        "شب‌زنده‌داری برای زندانیان سیاسی، ".repeat(6) + "\nخط دوم, با ویرگول; و نقطه‌ویرگول \\ پایان",
                        EventKind.RALLY,
                        EventStatus.SCHEDULED,
                        "2027-07-10T19:00",
                        "2027-07-10T20:30",
                        "Asia/Tehran",
                        null,
                        null,
                        new EventView.Place("میدان آزادی", null, "Tehran", "IR", "ir/tehran", 35.6997, 51.3380),
                        null,
                        0),
                event(
                        "c3",
                        "March to the embassy",
                        "Cancelled by the organizers.",
                        EventKind.MARCH,
                        EventStatus.CANCELLED,
                        "2027-06-20T14:00",
                        "2027-06-20T17:00",
                        "Europe/Berlin",
                        null,
                        null,
                        new EventView.Place("Pariser Platz", null, "Berlin", "DE", "de/berlin", 52.5163, 13.3777),
                        null,
                        1),
                event(
                        "d4",
                        "Online session: voices from Evin",
                        "Speakers from inside and outside Iran.",
                        EventKind.ONLINE_SESSION,
                        EventStatus.SCHEDULED,
                        "2027-05-01T20:00",
                        "2027-05-01T21:30",
                        "Europe/Berlin",
                        null,
                        null,
                        null,
                        new EventView.Online("https://meet.example.org/evin", "Jitsi"),
                        0));
    }

    @Test
    void theRepresentativeFeedIsExactlyTheGoldenFile() throws IOException {
        IcsFeed feed =
                new IcsFeed(new IcsEvents(new org.tocsin.kernel.PublicUrl(URI.create("https://tocsin.example"))));
        String rendered = feed.render("United, for freedom; now", "All actions; everywhere", representative(), NOW);
        byte[] bytes = rendered.getBytes(StandardCharsets.UTF_8);
        IcsChecks.wellFormed(bytes);
        IcsChecks.parse(bytes);
        if (Boolean.getBoolean("golden.update")) {
            Files.write(GOLDEN, bytes);
        }
        assertThat(rendered).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }
}
