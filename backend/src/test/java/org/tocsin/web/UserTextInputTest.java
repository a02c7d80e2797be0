package org.tocsin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Text as an attacker or a careless paste sends it, through every feature's request bodies and
 * query strings: control characters are refused with a 400 naming the field (and nothing is
 * stored), decomposed accents are stored composed (NFC), bidi overrides are removed, and
 * passwords are the one thing kept byte for byte.
 */
class UserTextInputTest extends IntegrationTest {

    @LocalServerPort
    private int port;

    private static void refused(WebTestClient.ResponseSpec response, String field) {
        expectProblem(response, 400, ApiProblem.VALIDATION)
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("control characters"));
    }

    private static Map<String, Object> event(String organization) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", organization);
        body.put("title", "Vigil");
        body.put("description", "Bring candles.");
        body.put("kind", "VIGIL");
        body.put("start", "2027-05-01T18:00");
        body.put("end", "2027-05-01T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("tags", List.of("candles", "prisoners"));
        body.put("speakers", List.of(new HashMap<>(Map.of("name", "Ana", "affiliation", "Committee"))));
        body.put(
                "place",
                new HashMap<>(
                        Map.of("venue", "Square", "address", "Main street 1", "city", "Berlin", "countryCode", "DE")));
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> place(Map<String, Object> body) {
        return (Map<String, Object>) body.get("place");
    }

    @Test
    void aControlCharacterInAnyEventFieldIsRefusedNamingTheFieldAndNothingIsStored() {
        OrganizationFixtures group = new OrganizationFixtures(api());
        String org = group.organization;
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("title", with(event(org), b -> b.put("title", "Vigil\u0000")));
        cases.put("title ", with(event(org), b -> b.put("title", "\u0001Vigil")));
        cases.put("title  ", with(event(org), b -> b.put("title", "\u001B[2JVigil")));
        cases.put("title   ", with(event(org), b -> b.put("title", "Vigil\nBcc: someone")));
        cases.put("description", with(event(org), b -> b.put("description", "Bring\u000Bcandles")));
        cases.put("place.venue", with(event(org), b -> place(b).put("venue", "Square\u0007")));
        cases.put("place.city", with(event(org), b -> place(b).put("city", "Ber\tlin")));
        cases.put("place.address", with(event(org), b -> place(b).put("address", "Main\u0085street")));
        cases.put("tags[1]", with(event(org), b -> b.put("tags", List.of("ok", "bad\u0000"))));
        cases.put("speakers[0].name", with(event(org), b -> b.put("speakers", List.of(Map.of("name", "A\u009Bna")))));
        cases.put(
                "online.platform",
                with(
                        event(org),
                        b -> b.put("online", Map.of("url", "https://meet.example.org/x", "platform", "Jitsi\u0000"))));
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            refused(group.owner.post("/api/v1/events", c.getValue()), c.getKey().strip());
        }
        group.owner
                .get("/api/v1/events?organization=" + org + "&from=2027-01-01")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);

        // A PATCH is read through the same rules, after merging.
        String id = group.owner.createdId("/api/v1/events", event(org));
        refused(group.owner.patch("/api/v1/events/" + id, Map.of("title", "Vigil\u0000")), "title");
        refused(group.owner.patch("/api/v1/events/" + id, Map.of("place", Map.of("venue", "\u0007"))), "place.venue");
        refused(group.owner.post("/api/v1/events/" + id + "/cancel", Map.of("reason", "rain\r\nBcc: x")), "reason");
        group.owner
                .get("/api/v1/events/" + id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Vigil")
                .jsonPath("$.place.venue")
                .isEqualTo("Square")
                .jsonPath("$.status")
                .isEqualTo("SCHEDULED");
    }

    /** The editor sends a point it cannot read as a number as typed (a Persian word), for this refusal. */
    @Test
    void aPointTypedAsWordsIsRefusedNamingTheFieldAndTheEventKeepsItsPoint() {
        OrganizationFixtures group = new OrganizationFixtures(api());
        Map<String, Object> body = event(group.organization);
        place(body).put("lat", 52.52);
        place(body).put("lon", 13.405);
        String id = group.owner.createdId("/api/v1/events", body);

        Map<String, Object> typed = new HashMap<>(place(body));
        typed.put("lon", "شرق");
        expectProblem(group.owner.patch("/api/v1/events/" + id, Map.of("place", typed)), 400, ApiProblem.VALIDATION)
                .jsonPath("$.errors[0].field")
                .isEqualTo("place.lon");
        group.owner
                .get("/api/v1/events/" + id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.place.lat")
                .isEqualTo(52.52)
                .jsonPath("$.place.lon")
                .isEqualTo(13.405);
    }

    @Test
    void everyOtherFeatureRefusesControlCharactersToo() {
        OrganizationFixtures group = new OrganizationFixtures(api());
        Api.Caller owner = group.owner;
        String org = group.organization;
        refused(owner.post("/api/v1/organizations", Map.of("name", "Group\u0000")), "name");
        refused(owner.patch("/api/v1/organizations/" + org, Map.of("description", "We\u000Bmeet")), "description");
        refused(owner.patch("/api/v1/organizations/" + org, Map.of("name", "Two\nlines")), "name");
        refused(
                owner.post(
                        "/api/v1/campaigns",
                        Map.of("name", "Day\u0007", "slug", "day-" + System.nanoTime(), "organization", org)),
                "name");
        refused(
                owner.post(
                        "/api/v1/calendars",
                        Map.of(
                                "name",
                                "Mine\u0000",
                                "slug",
                                "mine-" + System.nanoTime(),
                                "filter",
                                Map.of("city", "Berlin"))),
                "name");
        refused(
                owner.post(
                        "/api/v1/calendars",
                        Map.of(
                                "name",
                                "Mine",
                                "slug",
                                "mine-" + System.nanoTime(),
                                "filter",
                                Map.of("city", "Ber\u0001lin"))),
                "filter.city");
        refused(owner.post("/api/v1/me/tokens", Map.of("name", "script\u001B")), "name");
        refused(
                api().anonymous()
                        .post(
                                "/api/v1/auth/register",
                                Map.of(
                                        "email",
                                        "u-" + UUID.randomUUID() + "@tocsin.test",
                                        "password",
                                        Api.PASSWORD,
                                        "displayName",
                                        "Ana\u202E\u0000")),
                "displayName");
        refused(
                api().anonymous()
                        .post("/api/v1/auth/login", Map.of("email", "a\u0000@tocsin.test", "password", Api.PASSWORD)),
                "email");

        String event = owner.createdId("/api/v1/events", event(org));
        refused(
                api().anonymous()
                        .post("/api/v1/events/" + event + "/rsvps", Map.of("name", "Guest\u0007", "response", "GOING")),
                "name");
        owner.get("/api/v1/events/" + event + "/rsvps")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void halfASurrogatePairIsRefused() {
        OrganizationFixtures group = new OrganizationFixtures(api());
        // Sent as JSON text: a JSON escape can name half a pair, which no encoder would write.
        String body = "{\"organization\":\"" + group.organization + "\",\"title\":\"Vigil \\ud800\",\"kind\":\"VIGIL\","
                + "\"start\":\"2027-05-01T18:00\",\"end\":\"2027-05-01T19:00\",\"timeZone\":\"Europe/Berlin\","
                + "\"place\":{\"city\":\"Berlin\",\"countryCode\":\"DE\"}}";
        expectProblem(group.owner.post("/api/v1/events", body), 400, ApiProblem.VALIDATION)
                .jsonPath("$.errors[0].field")
                .isEqualTo("title")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("U+D800"));
    }

    @Test
    void textIsStoredComposedAndWithoutBidiOverrides() {
        OrganizationFixtures group = new OrganizationFixtures(api());
        Map<String, Object> body = event(group.organization);
        body.put("title", "Cafe\u0301 vigil \u202Egpj.exe");
        body.put("description", "One line\r\nand\ttwo\rand three");
        body.put("tags", List.of("re\u0301sistance"));
        place(body).put("venue", "Place de la Re\u0301publique\u2066");
        JsonNode created = group.owner
                .post("/api/v1/events", body)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(created.get("title").asString()).isEqualTo("Café vigil gpj.exe");
        assertThat(created.get("description").asString()).isEqualTo("One line\nand\ttwo\nand three");
        assertThat(created.get("place").get("venue").asString()).isEqualTo("Place de la République");
        assertThat(created.get("tags").get(0).asString()).isEqualTo("résistance");
        // The composed form is what a search finds, typed either way.
        String id = created.get("id").asString();
        for (String q : List.of("caf%C3%A9", "cafe%CC%81")) {
            getRaw("/api/v1/events?organization=" + group.organization + "&from=2027-01-01&q=" + q)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.items[0].id")
                    .isEqualTo(id);
        }
        group.owner
                .patch("/api/v1/events/" + id, Map.of("title", "\u202DRe\u0301union"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Réunion");

        JsonNode org = group.owner
                .post(
                        "/api/v1/organizations",
                        Map.of("name", "Comite\u0301 \u202Bx", "description", "Line one\r\nLine two"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(org.get("name").asString()).isEqualTo("Comité x");
        assertThat(org.get("description").asString()).isEqualTo("Line one\nLine two");

        // Persian text with its zero-width non-joiner and right-to-left mark is kept as typed.
        String persian = "شب\u200Cزنده\u200Cداری \u200Fبرای آزادی";
        group.owner
                .patch("/api/v1/events/" + id, Map.of("title", persian))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo(persian);
    }

    @Test
    void passwordsAreKeptByteForByte() {
        String email = "pw-" + UUID.randomUUID() + "@tocsin.test";
        // Decomposed, with a control character and an override: a password is never shown, only compared.
        String password = "correct horse e\u0301\u202E\u0007 battery";
        api().anonymous()
                .post("/api/v1/auth/register", Map.of("email", email, "password", password, "displayName", "Pat"))
                .expectStatus()
                .isCreated();
        api().signIn(email, password);
        expectProblem(
                api().anonymous()
                        .post(
                                "/api/v1/auth/login",
                                Map.of("email", email, "password", "correct horse \u00e9\u0007 battery")),
                401,
                ApiProblem.BAD_CREDENTIALS);
    }

    /** A request with the query string exactly as written (a URI template would encode the percent signs again). */
    private WebTestClient.ResponseSpec getRaw(String pathAndQuery) {
        return web.get()
                .uri(URI.create("http://localhost:" + port + pathAndQuery))
                .exchange();
    }

    @Test
    void queryParametersWithControlCharactersAreRefusedNamingTheParameter() {
        refused(getRaw("/api/v1/events?q=vigil%00"), "q");
        refused(getRaw("/api/v1/events?city=Ber%0Alin&country=DE"), "city");
        refused(getRaw("/api/v1/events?tag=%1B%5B2J"), "tag");
        refused(getRaw("/feeds/events.atom?city=a%07"), "city");
        // A control in a parameter's name is refused earlier, by the security firewall, as a malformed request.
        expectProblem(getRaw("/api/v1/events?x%00=1"), 400, ApiProblem.MALFORMED_REQUEST);
        // Harmless Unicode still searches: an override in a query cannot match anything, and is not an error.
        getRaw("/api/v1/events?q=%E2%80%AEvigil").expectStatus().isOk();
    }
}
