package org.tocsin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The app started with {@code tocsin.demo=true}: its own context, on its own fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tocsin.demo=true")
@AutoConfigureWebTestClient
class DemoDataTest {

    private static final String CAMPAIGN = "/api/v1/campaigns/united-against-executions";
    /** Enough of ISO 3166 to tell the continents of the demo's countries apart. */
    private static final Map<String, String> CONTINENT = Map.ofEntries(
            Map.entry("IR", "Asia"),
            Map.entry("TR", "Asia"),
            Map.entry("IQ", "Asia"),
            Map.entry("AM", "Asia"),
            Map.entry("GE", "Asia"),
            Map.entry("JP", "Asia"),
            Map.entry("MY", "Asia"),
            Map.entry("DE", "Europe"),
            Map.entry("FR", "Europe"),
            Map.entry("GB", "Europe"),
            Map.entry("NL", "Europe"),
            Map.entry("BE", "Europe"),
            Map.entry("SE", "Europe"),
            Map.entry("NO", "Europe"),
            Map.entry("DK", "Europe"),
            Map.entry("AT", "Europe"),
            Map.entry("CH", "Europe"),
            Map.entry("IT", "Europe"),
            Map.entry("ES", "Europe"),
            Map.entry("FI", "Europe"),
            Map.entry("CA", "North America"),
            Map.entry("US", "North America"),
            Map.entry("MX", "North America"),
            Map.entry("BR", "South America"),
            Map.entry("AR", "South America"),
            Map.entry("CL", "South America"),
            Map.entry("ZA", "Africa"),
            Map.entry("KE", "Africa"),
            Map.entry("AU", "Oceania"),
            Map.entry("NZ", "Oceania"));

    @Autowired
    WebTestClient web;

    @Autowired
    DemoDataLoader loader;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("tocsin-demo-test-").toString();
        registry.add("tocsin.data-dir", () -> dir);
    }

    private static LocalDate campaignDay() {
        return LocalDate.now(ZoneOffset.UTC).plusWeeks(3);
    }

    private JsonNode get(String uri) {
        return web.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private List<JsonNode> items(String query) {
        List<JsonNode> items = new ArrayList<>();
        get("/api/v1/events?limit=200&" + query).get("items").forEach(items::add);
        return items;
    }

    @Test
    void theCampaignMapCoversFortyCitiesOnFiveContinents() {
        JsonNode campaign = get(CAMPAIGN);
        assertThat(campaign.get("startsOn").asString()).isEqualTo(campaignDay().toString());
        List<JsonNode> cities = new ArrayList<>();
        campaign.get("cities").forEach(cities::add);
        List<JsonNode> onTheGround =
                cities.stream().filter(c -> c.hasNonNull("countryCode")).toList();
        assertThat(onTheGround).hasSizeGreaterThanOrEqualTo(40);
        Set<String> continents = onTheGround.stream()
                .map(c -> CONTINENT.getOrDefault(c.get("countryCode").asString(), "?"))
                .collect(Collectors.toSet());
        assertThat(continents).doesNotContain("?").hasSizeGreaterThanOrEqualTo(5);
        assertThat(cities)
                .extracting(c -> c.get("cityKey").asString())
                .contains(
                        "ir/tehran",
                        "ir/zahedan",
                        "ir/sanandaj",
                        "ir/isfahan",
                        "de/berlin",
                        "fr/paris",
                        "gb/london",
                        "ca/toronto",
                        "us/los-angeles",
                        "au/sydney",
                        "online");
    }

    @Test
    void tehranHasAnActionOnTheDayWhosePlaceOnlyAttendeesLearn() {
        List<JsonNode> tehran = items("city=Tehran&country=IR&from=" + campaignDay());
        assertThat(tehran).isNotEmpty();
        JsonNode vigil = tehran.getFirst();
        assertThat(vigil.get("title").asString()).isEqualTo("شب‌زنده‌داری برای زندانیان سیاسی");
        assertThat(vigil.get("start").asString()).isEqualTo(campaignDay() + "T19:00");
        assertThat(vigil.get("timeZone").asString()).isEqualTo("Asia/Tehran");
        assertThat(vigil.get("locationHidden").asBoolean()).isTrue();
        assertThat(vigil.get("place").has("venue")).isFalse();
        assertThat(vigil.get("rsvpMode").asString()).isEqualTo("APPROVAL");
    }

    @Test
    void actionsAreAtLocalEveningHoursInTheirOwnZones() {
        // The campaign's actions: on some dates another demo action of the city comes first that day.
        JsonNode sydney = items("city=Sydney&country=AU&campaign=united-against-executions")
                .getFirst();
        JsonNode losAngeles = items("city=Los Angeles&country=US&campaign=united-against-executions")
                .getFirst();
        assertThat(sydney.get("timeZone").asString()).isEqualTo("Australia/Sydney");
        assertThat(losAngeles.get("timeZone").asString()).isEqualTo("America/Los_Angeles");
        for (JsonNode e : List.of(sydney, losAngeles)) {
            assertThat(e.get("start").asString()).startsWith(campaignDay().toString());
            assertThat(e.get("campaign").get("slug").asString()).isEqualTo("united-against-executions");
        }
        // The same local evening is half a day apart in UTC.
        assertThat(sydney.get("startUtc").asString())
                .isLessThan(losAngeles.get("startUtc").asString());
    }

    @Test
    void persianWordsFindPersianTitles() {
        List<JsonNode> hits = items("q=زندانیان");
        assertThat(hits).isNotEmpty();
        assertThat(hits).extracting(e -> e.get("title").asString()).anyMatch(t -> t.contains("زندانیان سیاسی"));
        assertThat(items("q=سفارت"))
                .extracting(e -> e.get("title").asString())
                .anyMatch(t -> t.contains("تجمع در برابر سفارت"));
    }

    @Test
    void weeklyVigilsAppearOncePerWeekAtTheSameLocalTime() {
        List<JsonNode> berlin = items("city=Berlin&country=DE&tag=weekly-vigil");
        assertThat(berlin).hasSize(12);
        assertThat(berlin)
                .extracting(e -> e.get("start").asString().substring(11))
                .containsOnly("15:00");
        assertThat(berlin)
                .extracting(e -> LocalDate.parse(e.get("start").asString().substring(0, 10))
                        .getDayOfWeek())
                .containsOnly(java.time.DayOfWeek.SATURDAY);
        assertThat(items("city=London&country=GB&tag=weekly-vigil")).hasSizeGreaterThanOrEqualTo(13);
    }

    @Test
    void onlineSessionsHaveSpeakersAndAnHttpsLink() {
        List<JsonNode> sessions = items("kind=ONLINE_SESSION&campaign=united-against-executions&from="
                + campaignDay().minusWeeks(1));
        assertThat(sessions).hasSize(3);
        for (JsonNode s : sessions) {
            assertThat(s.get("online").get("url").asString()).startsWith("https://meet.example.org/");
            assertThat(s.get("speakers")).isNotEmpty();
        }
        assertThat(sessions).extracting(s -> s.get("rsvpMode").asString()).contains("APPROVAL");
    }

    @Test
    void loadingAgainAddsNothing() {
        long before = get(CAMPAIGN).get("totalEvents").asLong();
        int all = items("from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1)).size();
        assertThat(loader.load().block(Duration.ofSeconds(30))).isFalse();
        assertThat(get(CAMPAIGN).get("totalEvents").asLong()).isEqualTo(before);
        assertThat(items("from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1))).hasSize(all);
    }
}
