package org.tocsin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;

/**
 * The server-rendered list pages ({@code /}, a city, an organization, a campaign), fetched as a plain
 * HTTP client: their content, link-preview meta, feeds and JSON-LD are in the HTML, in English or
 * Persian; private events never appear; paging works through plain links.
 */
class ListPagesTest extends IntegrationTest {

    /** A list page of twenty actions: what a jammed network must carry before anything shows. */
    private static final int PAGE_BUDGET_BYTES = 40_000;

    private OrganizationFixtures group;
    private String campaign;
    /** Unique per test: cities are shared by the whole test database. */
    private String city;

    @BeforeEach
    void group() {
        group = new OrganizationFixtures(api());
        campaign = "day-" + System.nanoTime();
        group.owner
                .post(
                        "/api/v1/campaigns",
                        Map.of(
                                "organization",
                                group.organization,
                                "name",
                                "Day of action " + campaign,
                                "slug",
                                campaign,
                                "description",
                                "Everywhere at once.",
                                "startsOn",
                                "2027-05-01",
                                "endsOn",
                                "2027-05-31"))
                .expectStatus()
                .isCreated();
        city = "Listtown" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
    }

    private String event(String title, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", group.organization);
        body.put("title", title);
        body.put("kind", "VIGIL");
        body.put("start", "2027-05-06T18:00");
        body.put("end", "2027-05-06T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("campaign", campaign);
        body.put("place", Map.of("address", "Wilshire Blvd 11000", "city", city, "countryCode", "DE"));
        body.putAll(overrides);
        return group.owner.createdId("/api/v1/events", body);
    }

    private EntityExchangeResult<String> page(String path, String acceptLanguage) {
        return web.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage)
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    private static final Pattern LATER = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">");

    /**
     * The pages of a list, from its first, following its "later" links until one holds {@code wanted}: the
     * home page lists the soonest actions of every test sharing this application, so a test's own may be
     * further on. Fails when no page holds it.
     */
    private List<String> pagesUntil(String path, String acceptLanguage, String wanted) {
        List<String> read = new ArrayList<>();
        String next = path;
        while (next != null && read.size() < 200) {
            String html = page(next, acceptLanguage).getResponseBody();
            read.add(html);
            if (html.contains(wanted)) {
                return read;
            }
            Matcher later = LATER.matcher(html);
            next = later.find() ? later.group(1).replace("&amp;", "&") : null;
        }
        throw new AssertionError(path + ": no page holds " + wanted);
    }

    private String cityPath() {
        return "/cities/de/" + city.toLowerCase();
    }

    private List<String> pages() {
        return List.of("/", cityPath(), "/organizations/" + group.organization, "/campaigns/" + campaign);
    }

    @Test
    void everyListPageIsHtmlWithItsActionsPreviewTagsFeedsAndJsonLd() {
        String id = event("Vigil for the prisoners", Map.of());
        for (String path : pages()) {
            EntityExchangeResult<String> result = page(path, "en");
            assertThat(result.getStatus()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy"))
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
            String html = result.getResponseBody();
            assertThat(html)
                    .as(path)
                    .contains("<html lang=\"en\" dir=\"ltr\">")
                    .contains("<tocsin-app>")
                    .contains("<meta property=\"og:title\" content=\"")
                    .contains("<meta property=\"og:description\" content=\"")
                    .contains("<meta name=\"twitter:card\" content=\"summary\">")
                    .contains("<link rel=\"canonical\" href=\"http://localhost:8080" + path + "?lang=en\">")
                    .contains("hreflang=\"fa\"")
                    .contains("<script id=\"list-jsonld\" type=\"application/ld+json\">")
                    .contains("\"@type\":\"ItemList\"", "\"@type\":\"Event\"")
                    .contains("type=\"application/atom+xml\"");
            String link = "<a href=\"/events/" + id + "?lang=en\" dir=\"auto\">Vigil for the prisoners</a>";
            assertThat(pagesUntil(path, "en", link).getLast())
                    .as(path)
                    .contains(link)
                    .contains("Thursday, 6 May 2027, 18:00 – 19:00");
            String jsonLd = html.replaceAll(
                    "(?s).*<script id=\"list-jsonld\" type=\"application/ld\\+json\">(.*?)</script>.*", "$1");
            assertThat(jsonLd).doesNotContain("<", ">");
            assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(PAGE_BUDGET_BYTES);
        }
        String cityPage = page(cityPath(), "en").getResponseBody();
        assertThat(cityPage)
                .contains("<h1 dir=\"auto\">" + city + "</h1>")
                .contains("href=\"/feeds" + cityPath() + ".atom?lang=en\"")
                .contains("webcal://");
        assertThat(page("/organizations/" + group.organization, "en").getResponseBody())
                .contains("href=\"/feeds/organizations/" + group.organization + ".ics?lang=en\"");
        String campaignPage = page("/campaigns/" + campaign, "en").getResponseBody();
        assertThat(campaignPage)
                .contains("Everywhere at once.")
                .contains("Saturday, 1 May 2027 – Monday, 31 May 2027")
                .contains("href=\"/organizations/" + group.organization + "?lang=en\"")
                .contains("href=\"" + cityPath() + "?lang=en\"");
        String home = page("/", "en").getResponseBody();
        assertThat(home).contains("href=\"/campaigns/" + campaign + "?lang=en\"");
    }

    @Test
    void persianVisitorsReadPersianWithSolarHijriDatesAndIsolatedLatinText() {
        String id = event("Vigil for the prisoners", Map.of());
        for (String path : pages()) {
            for (EntityExchangeResult<String> result :
                    List.of(page(path, "fa-IR,fa;q=0.9"), page(path + "?lang=fa", "en"))) {
                assertThat(result.getResponseBody())
                        .as(path)
                        .contains("<html lang=\"fa\" dir=\"rtl\">")
                        .contains("کنش‌های پیش رو")
                        .contains("<meta property=\"og:locale\" content=\"fa_IR\">")
                        .contains("?lang=fa");
            }
            // The page with this action on it (the home page also lists cities, this one's among them).
            String action = "/events/" + id + "?lang=fa";
            for (String html : List.of(
                    pagesUntil(path, "fa-IR,fa;q=0.9", action).getLast(),
                    pagesUntil(path + "?lang=fa", "en", action).getLast())) {
                assertThat(html)
                        .as(path)
                        .contains("<bdi>" + city + "</bdi>")
                        .contains("پنجشنبه ۱۶ اردیبهشت ۱۴۰۶، ۱۸:۰۰ – ۱۹:۰۰");
            }
        }
        assertThat(page("/campaigns/" + campaign + "?lang=fa", "en").getResponseBody())
                .contains("۱۱ اردیبهشت ۱۴۰۶");
    }

    @Test
    void aCityTheGazetteerKnowsIsNamedInPersianOnPersianPagesOnly() {
        String id = event(
                "Vigil at the Rathaus",
                Map.of("place", Map.of("venue", "Rathaus", "city", "Bielefeld", "countryCode", "DE")));
        String bielefeld = "/cities/de/bielefeld";
        String persian = "بیله‌فلد";
        String cityPage = page(bielefeld + "?lang=fa", "en").getResponseBody();
        assertThat(cityPage)
                .contains("<title>" + persian + " · ")
                .contains("<h1 dir=\"auto\">" + persian + "</h1>")
                .contains("کنش‌های پیش رو در \u2068" + persian + "\u2069،")
                .doesNotContain("<bdi>Bielefeld</bdi>", ">Bielefeld<");
        assertThat(pagesUntil(bielefeld + "?lang=fa", "en", "/events/" + id + "?lang=fa")
                        .getLast())
                .contains("<bdi>" + persian + "</bdi>");
        // The campaign's and the home page's city lists link it by its Persian name.
        String cityLink = "<a href=\"" + bielefeld + "?lang=fa\"><bdi>" + persian + "</bdi></a>";
        assertThat(page("/campaigns/" + campaign + "?lang=fa", "en").getResponseBody())
                .contains(cityLink)
                .doesNotContain("<bdi>Bielefeld</bdi>");
        String home = page("/?lang=fa", "en").getResponseBody();
        assertThat(home).doesNotContain("<bdi>Bielefeld</bdi>");
        if (home.contains("href=\"" + bielefeld + "?lang=fa\"")) {
            // Listed among the busiest cities (always when this test runs alone).
            assertThat(home).contains(cityLink);
        }
        // English pages keep the name events give it.
        assertThat(page(bielefeld, "en").getResponseBody())
                .contains("<h1 dir=\"auto\">Bielefeld</h1>")
                .doesNotContain(persian);
        assertThat(page("/campaigns/" + campaign + "?lang=en", "en").getResponseBody())
                .contains("<a href=\"" + bielefeld + "?lang=en\"><bdi>Bielefeld</bdi></a>")
                .doesNotContain(persian);
    }

    @Test
    void privateEventsNeverAppearToStrangersButDoToTheirOrganizers() {
        String vigil = event("Public vigil", Map.of());
        event("Secret planning meeting", Map.of("visibility", "PRIVATE"));
        event("Unlisted rehearsal", Map.of("visibility", "UNLISTED"));
        for (String path : pages()) {
            // Every page read up to the one with the public vigil (the hidden ones are on the same day).
            assertThat(pagesUntil(path, "en", "/events/" + vigil + "?lang=en"))
                    .as(path)
                    .allSatisfy(html -> assertThat(html).doesNotContain("Secret planning", "Unlisted rehearsal"));
        }
        // The organizer, signed in, sees the private one on the organization's page, as in discovery.
        assertThat(group.owner
                        .get("/organizations/" + group.organization)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("Secret planning meeting");
    }

    @Test
    void unknownCitiesOrganizationsCampaignsAndCursorsAreTheNotFoundPage() {
        String notFound = page("/events/0123456789abcdef0123456789abcdef", "en").getResponseBody();
        for (String path : List.of(
                "/cities/de/nowhere-" + System.nanoTime(),
                "/organizations/no-such-group-" + System.nanoTime(),
                "/campaigns/no-such-day-" + System.nanoTime(),
                "/?cursor=not-a-cursor")) {
            EntityExchangeResult<String> result = page(path, "en");
            assertThat(result.getStatus()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(result.getResponseBody()).isEqualTo(notFound);
        }
    }

    @Test
    void aBrowserFollowingABrokenLinkGetsTheNotFoundPageInItsLanguageAndTheApiKeepsItsProblems() {
        String notFound = page("/events/0123456789abcdef0123456789abcdef", "fa").getResponseBody();
        for (String path : List.of("/cities/tehran", "/no/such/page", "/events/")) {
            EntityExchangeResult<String> result = page(path, "fa");
            assertThat(result.getStatus()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                    .as(path)
                    .isTrue();
            assertThat(result.getResponseBody()).as(path).isEqualTo(notFound).contains("پیدا نشد", "dir=\"rtl\"");
        }
        // Programs asking for anything still read a problem document, in the language they ask for.
        web.get()
                .uri("/no/such/page")
                .accept(MediaType.ALL)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fa")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("صفحه پیدا نشد");
    }

    @Test
    void longListsArePagedByPlainLinks() {
        for (int i = 0; i < ListPages.PAGE_SIZE + 3; i++) {
            event(
                    "Vigil number " + (100 + i),
                    Map.of(
                            "start",
                            "2027-05-" + (10 + i % 18) + "T18:00",
                            "end",
                            "2027-05-" + (10 + i % 18) + "T19:00"));
        }
        String first = page(cityPath(), "en").getResponseBody();
        assertThat(count(first, "<li><a href=\"/events/")).isEqualTo(ListPages.PAGE_SIZE);
        Matcher next = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">").matcher(first);
        assertThat(next.find()).isTrue();
        // As a browser reads the attribute: &amp; is &.
        String second = page(next.group(1).replace("&amp;", "&"), "en").getResponseBody();
        assertThat(count(second, "<li><a href=\"/events/")).isEqualTo(3);
        assertThat(second).doesNotContain("rel=\"next\"").contains(">Back to the soonest</a>");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
