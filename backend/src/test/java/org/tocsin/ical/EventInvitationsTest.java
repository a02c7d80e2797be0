package org.tocsin.ical;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;
import org.tocsin.events.EventView;
import org.tocsin.events.LocationVisibility;
import org.tocsin.kernel.PublicUrl;

/** Invitations attached to mails: iTIP messages that calendar apps match to the feed's events by UID. */
class EventInvitationsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final IcsFeed feed = new IcsFeed(new IcsEvents(new PublicUrl(URI.create("https://tocsin.example"))));
    private final EventInvitations invitations = new EventInvitations(feed, Clock.fixed(NOW, ZoneOffset.UTC));

    /** The weekly vigil: a series with an EXDATE, a moved and a cancelled occurrence, sequence 2. */
    private static EventView vigil() {
        return IcsGoldenTest.representative().getFirst();
    }

    private static ICalendar readBoth(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        IcsChecks.wellFormed(bytes);
        Calendar ical4j = new CalendarBuilder().build(new StringReader(text));
        assertThat(ical4j.getComponents("VEVENT")).isNotEmpty();
        assertThat(ical4j.getProperty(Property.METHOD)).isPresent();
        return IcsChecks.parse(bytes);
    }

    private String feedUid(EventView event) {
        ICalendar calendar =
                IcsChecks.parse(feed.render("t", "d", List.of(event), NOW).getBytes(StandardCharsets.UTF_8));
        return calendar.getEvents().getFirst().getUid().getValue();
    }

    @Test
    void aRequestCarriesTheFeedsUidSequenceAndAnOrganizer() throws Exception {
        String text = invitations.request(vigil());
        ICalendar calendar = readBoth(text);

        assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(calendar.getTimezoneInfo().getComponents()).hasSize(1);
        VEvent master = calendar.getEvents().getFirst();
        assertThat(master.getUid().getValue()).isEqualTo(feedUid(vigil())).isEqualTo("a1@tocsin.example");
        assertThat(master.getSequence().getValue()).isEqualTo(2);
        assertThat(master.getOrganizer().getEmail()).isEqualTo("no-reply@tocsin.example");
        assertThat(master.getOrganizer().getCommonName()).isEqualTo("United, for freedom; now");
        assertThat(master.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(master.getRecurrenceRule()).isNotNull();
        // The moved occurrence travels with the series; the cancelled one is an EXDATE (RFC 5546 allows no
        // STATUS:CANCELLED instance in a REQUEST), so an attendee's calendar drops that date.
        assertThat(calendar.getEvents()).hasSize(2);
        assertThat(calendar.getEvents())
                .noneSatisfy(e -> assertThat(e.getStatus().isCancelled()).isTrue());
        assertThat(calendar.getEvents())
                .allSatisfy(e -> assertThat(e.getOrganizer()).isNotNull());
        assertThat(master.getAttendees()).isEmpty();
        assertThat(EventInvitations.contentType(text)).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
    }

    @Test
    void aRequestForASeriesWithACancelledDateLeavesThatDateOutInICal4j() throws Exception {
        byte[] request = invitations.request(vigil()).getBytes(StandardCharsets.UTF_8);
        List<net.fortuna.ical4j.model.component.VEvent> vevents =
                IcsChecks.ical4j(request).getComponents("VEVENT");
        assertThat(vevents)
                .noneMatch(
                        e -> e.getStatus() != null && e.getStatus().getValue().equals("CANCELLED"));
        var master = vevents.stream()
                .filter(e -> e.getRecurrenceId() == null)
                .findFirst()
                .orElseThrow();
        // Weekly from 25 Feb 2027 18:00 Los Angeles, six times: 11 Mar was an EXDATE already, 25 Mar is cancelled.
        assertThat(IcsChecks.ical4jExpand(
                        master, Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z")))
                .containsExactly(
                        Instant.parse("2027-02-26T02:00:00Z"),
                        Instant.parse("2027-03-05T02:00:00Z"),
                        Instant.parse("2027-03-19T01:00:00Z"),
                        Instant.parse("2027-04-02T01:00:00Z"));
        // The feed (METHOD:PUBLISH) keeps saying the date was cancelled, for readers of the feed.
        assertThat(feed.render("t", "d", List.of(vigil()), NOW)).contains("STATUS:CANCELLED");
    }

    @Test
    void aRequestHasAnOrganizerEvenForAnEventWithoutOrganization() throws Exception {
        EventView e = vigil();
        EventView orphan = new EventView(
                e.id(),
                null,
                null,
                e.title(),
                e.description(),
                e.descriptionHtml(),
                e.kind(),
                e.status(),
                null,
                e.start(),
                e.end(),
                e.timeZone(),
                e.startUtc(),
                e.endUtc(),
                null,
                null,
                null,
                e.place(),
                null,
                false,
                List.of(),
                List.of(),
                List.of(),
                null,
                e.rsvpMode(),
                e.visibility(),
                e.locationVisibility(),
                null,
                e.sequence(),
                e.createdAt(),
                e.updatedAt());

        VEvent event = readBoth(invitations.request(orphan)).getEvents().getFirst();

        assertThat(event.getOrganizer().getEmail()).isEqualTo("no-reply@tocsin.example");
        assertThat(event.getOrganizer().getCommonName()).isEqualTo("Tocsin");
    }

    @Test
    void aRequestToSomeoneNamesThemAsAttendeeWithoutAskingForAReply() throws Exception {
        VEvent event = readBoth(invitations.request(vigil(), "ana@example.org"))
                .getEvents()
                .getFirst();

        assertThat(event.getAttendees()).singleElement().satisfies(a -> {
            assertThat(a.getEmail()).isEqualTo("ana@example.org");
            assertThat(a.getRsvp()).isFalse();
        });
    }

    @Test
    void aCancelHasTheSameUidAndSequenceAndEveryVeventIsCancelled() throws Exception {
        String text = invitations.cancel(vigil());
        ICalendar calendar = readBoth(text);

        assertThat(calendar.getMethod().getValue()).isEqualTo("CANCEL");
        assertThat(calendar.getEvents()).hasSize(3).allSatisfy(e -> {
            assertThat(e.getUid().getValue()).isEqualTo("a1@tocsin.example");
            assertThat(e.getSequence().getValue()).isGreaterThanOrEqualTo(vigil().sequence());
            assertThat(e.getStatus().getValue()).isEqualTo("CANCELLED");
            assertThat(e.getSummary().getValue()).startsWith("Cancelled: ");
            assertThat(e.getOrganizer()).isNotNull();
        });
        assertThat(EventInvitations.contentType(text)).isEqualTo("text/calendar; charset=UTF-8; method=CANCEL");
    }

    @Test
    void renderingACancelLeavesTheFeedsCachedEventAlone() {
        String before = feed.render("t", "d", List.of(vigil()), NOW);
        invitations.cancel(vigil());

        String after = feed.render("t", "d", List.of(vigil()), NOW);

        assertThat(after).isEqualTo(before).contains("STATUS:CONFIRMED");
    }

    @Test
    void publishIsTheOneEventDownloadWithMethodPublish() throws Exception {
        ICalendar calendar = readBoth(invitations.publish(vigil()));

        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getEvents().getFirst().getUid().getValue()).isEqualTo("a1@tocsin.example");
        assertThat(calendar.getEvents().getFirst().getAttendees()).isEmpty();
    }

    @Test
    void aHiddenLocationAppearsOnlyWhenTheCallerPassesAViewThatCarriesIt() throws Exception {
        EventView e = vigil();
        EventView forAttendee = new EventView(
                e.id(),
                e.organization(),
                null,
                e.title(),
                e.description(),
                e.descriptionHtml(),
                e.kind(),
                e.status(),
                null,
                e.start(),
                e.end(),
                e.timeZone(),
                e.startUtc(),
                e.endUtc(),
                null,
                null,
                null,
                e.place(),
                null,
                false,
                List.of(),
                List.of(),
                List.of(),
                null,
                e.rsvpMode(),
                e.visibility(),
                LocationVisibility.ATTENDEES,
                null,
                e.sequence(),
                e.createdAt(),
                e.updatedAt());
        EventView.Place cityOnly = new EventView.Place(
                null, null, e.place().city(), e.place().countryCode(), e.place().cityKey(), 34.05, -118.24);
        EventView forPublic = new EventView(
                e.id(),
                e.organization(),
                null,
                e.title(),
                e.description(),
                e.descriptionHtml(),
                e.kind(),
                e.status(),
                null,
                e.start(),
                e.end(),
                e.timeZone(),
                e.startUtc(),
                e.endUtc(),
                null,
                null,
                null,
                cityOnly,
                null,
                true,
                List.of(),
                List.of(),
                List.of(),
                null,
                e.rsvpMode(),
                e.visibility(),
                LocationVisibility.ATTENDEES,
                null,
                e.sequence(),
                e.createdAt(),
                e.updatedAt());

        VEvent revealed = readBoth(invitations.request(forAttendee)).getEvents().getFirst();
        VEvent hidden = readBoth(invitations.request(forPublic)).getEvents().getFirst();

        assertThat(revealed.getLocation().getValue()).contains("200 N Spring St");
        assertThat(hidden.getLocation()).isNull();
        assertThat(hidden.getGeo()).isNull();
        assertThat(hidden.getDescription().getValue())
                .contains("the exact location is shared with confirmed attendees");
    }
}
