package org.tocsin.ical;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.events.EventView;
import org.tocsin.kernel.PublicUrl;

/**
 * The online link where calendar apps show it: Google, Outlook and Apple Calendar ignore CONFERENCE
 * (RFC 7986) but show DESCRIPTION and LOCATION, and make links of URLs in them.
 */
class IcsOnlineLinkTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final IcsFeed feed = new IcsFeed(new IcsEvents(new PublicUrl(URI.create("https://tocsin.example"))));

    private VEvent rendered(EventView event) {
        ICalendar calendar =
                IcsChecks.parse(feed.render("t", "d", List.of(event), NOW).getBytes(StandardCharsets.UTF_8));
        return calendar.getEvents().getFirst();
    }

    @Test
    void anOnlineOnlySessionHasItsLinkInLocationDescriptionAndConference() {
        EventView online = IcsGoldenTest.representative().get(3);
        VEvent event = rendered(online);
        assertThat(event.getLocation().getValue()).isEqualTo("https://meet.example.org/evin");
        assertThat(event.getDescription().getValue()).contains("Online (Jitsi): https://meet.example.org/evin");
        assertThat(event.getExperimentalProperty("CONFERENCE")).isNull();
        assertThat(feed.render("t", "d", List.of(online), NOW)).contains("CONFERENCE;");
    }

    @Test
    void anEventWithAPlaceKeepsThePlaceAsLocationAndTheLinkInTheDescription() {
        EventView e = IcsGoldenTest.representative().getFirst();
        EventView both = IcsGoldenTest.event(
                "e6",
                e.title(),
                e.description(),
                e.kind(),
                e.status(),
                e.start(),
                e.end(),
                e.timeZone(),
                null,
                null,
                e.place(),
                new EventView.Online("https://meet.example.org/stream", null),
                0);
        VEvent event = rendered(both);
        assertThat(event.getLocation().getValue()).startsWith("City Hall");
        assertThat(event.getDescription().getValue()).contains("Online: https://meet.example.org/stream");
    }

    @Test
    void aWithheldLinkIsNowhere() {
        EventView online = IcsGoldenTest.representative().get(3);
        EventView withheld = IcsGoldenTest.event(
                "d5",
                online.title(),
                online.description(),
                online.kind(),
                online.status(),
                online.start(),
                online.end(),
                online.timeZone(),
                null,
                null,
                null,
                new EventView.Online(null, "Jitsi"),
                0);
        String text = feed.render("t", "d", List.of(withheld), NOW);
        assertThat(text).doesNotContain("LOCATION").doesNotContain("Online (").doesNotContain("CONFERENCE");
    }
}
