package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.text.SearchText;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, findings 1 and 2: discovery must not be an oracle on a location kept for attendees.
 * {@code near=} sees, for anyone who may not read the location, only the coarse point public answers
 * show; {@code q=} does not search its venue. Organizers, who may read it, still find their events by both.
 */
class HiddenLocationDiscoveryTest extends IntegrationTest {

    /** 52.5163,13.3777 is shown as 52.5,13.4: about 1.9 km apart. */
    private static final double LAT = 52.5163;

    private static final double LON = 13.3777;

    @Autowired
    EventIndex index;

    @Autowired
    EventStore store;

    private static Map<String, Object> hidden(EventFixtures f, String venue, String day) {
        Map<String, Object> body = f.vigil(day + "T18:00", day + "T19:00");
        body.put("title", "Vigil for the prisoners");
        body.put("locationVisibility", "ATTENDEES");
        body.put(
                "place",
                Map.of(
                        "venue",
                        venue,
                        "address",
                        "Hinterhof 3",
                        "city",
                        "Berlin",
                        "countryCode",
                        "DE",
                        "lat",
                        LAT,
                        "lon",
                        LON));
        return body;
    }

    private static List<String> titles(List<JsonNode> items) {
        return items.stream().map(e -> e.get("title").asString()).toList();
    }

    @Test
    void aTinyRadiusAroundTheHiddenPointFindsNothingForAStranger() {
        EventFixtures f = new EventFixtures(api());
        f.create(hidden(f, "Kellerwerkstatt", "2027-07-01"));
        Api.Caller stranger = api().anonymous();

        // The 135-request trilateration of the issue starts with exactly this kind of question.
        assertThat(f.discover(stranger, "near=" + LAT + "," + LON + "&radiusKm=0.5"))
                .isEmpty();
        assertThat(f.discover(stranger, "near=" + LAT + "," + LON + "&radiusKm=1.5"))
                .isEmpty();
        // The coarse point is public, and is what a stranger's radius is measured to.
        List<JsonNode> atCoarse = f.discover(stranger, "near=52.5,13.4&radiusKm=0.5");
        assertThat(titles(atCoarse)).containsExactly("Vigil for the prisoners");
        assertThat(atCoarse.getFirst().get("place").get("lat").asDouble()).isEqualTo(52.5);
        assertThat(atCoarse.getFirst().get("place").hasNonNull("venue")).isFalse();

        // A plain member may not read the location either; an organizer may, and searches by it.
        Api.Caller member = f.memberWithRole("MEMBER");
        assertThat(f.discover(member, "near=" + LAT + "," + LON + "&radiusKm=0.5"))
                .isEmpty();
        List<JsonNode> organizer = f.discover(f.owner, "near=" + LAT + "," + LON + "&radiusKm=0.5");
        assertThat(titles(organizer)).containsExactly("Vigil for the prisoners");
        assertThat(organizer.getFirst().get("place").get("venue").asString()).isEqualTo("Kellerwerkstatt");
    }

    @Test
    void aHiddenVenueIsNotSearchableByThoseWhoMayNotReadIt() {
        EventFixtures f = new EventFixtures(api());
        f.create(hidden(f, "Nordhofkeller Zwölf", "2027-07-02"));
        Map<String, Object> open = f.vigil("2027-07-02T20:00", "2027-07-02T21:00");
        open.put("title", "Open vigil");
        open.put("place", Map.of("venue", "Nordhofplatz", "city", "Berlin", "countryCode", "DE"));
        f.create(open);
        Api.Caller stranger = api().anonymous();

        assertThat(titles(f.discover(stranger, "q=nordhofk"))).isEmpty();
        assertThat(titles(f.discover(stranger, "q=zwolf"))).isEmpty();
        // A public venue is public: found, and only it.
        assertThat(titles(f.discover(stranger, "q=nordhof"))).containsExactly("Open vigil");
        assertThat(titles(f.discover(f.memberWithRole("MEMBER"), "q=zwolf"))).isEmpty();
        assertThat(titles(f.discover(f.owner, "q=zwolf"))).containsExactly("Vigil for the prisoners");
        assertThat(titles(f.discover(f.owner, "q=nordhof"))).containsExactly("Vigil for the prisoners", "Open vigil");
    }

    @Test
    void searchTermsStoredBeforeTheFixDoNotLeakTheVenue() {
        EventFixtures f = new EventFixtures(api());
        String id = f.create(hidden(f, "Gartenlaube Quittenweg", "2027-07-03"))
                .get("id")
                .asString();
        EventDocument stored = store.byId(id).block();
        assertThat(stored.searchTerms()).doesNotContain("quittenweg");
        // What an older version stored: the venue's words among the public ones.
        List<String> old = new java.util.ArrayList<>(stored.searchTerms());
        old.addAll(SearchText.terms(stored.place().venue()));
        index.put(new EventDocument(
                stored.id(),
                stored.organizationId(),
                stored.campaignId(),
                stored.title(),
                stored.description(),
                stored.descriptionHtml(),
                stored.kind(),
                stored.status(),
                stored.statusReason(),
                stored.timeZone(),
                stored.start(),
                stored.end(),
                stored.startUtc(),
                stored.endUtc(),
                stored.lastEndUtc(),
                stored.recurrence(),
                stored.overrides(),
                stored.place(),
                stored.online(),
                stored.speakers(),
                stored.tags(),
                stored.languages(),
                stored.accessibility(),
                stored.capacity(),
                stored.rsvpMode(),
                stored.visibility(),
                stored.locationVisibility(),
                old,
                stored.sequence(),
                stored.createdAt(),
                stored.updatedAt(),
                stored.deletedAt(),
                stored.version(),
                stored.publication(),
                stored.locationReveal(),
                stored.coHosts()));

        assertThat(f.discover(api().anonymous(), "q=quittenweg")).isEmpty();
        assertThat(titles(f.discover(f.owner, "q=quittenweg"))).containsExactly("Vigil for the prisoners");
    }
}
