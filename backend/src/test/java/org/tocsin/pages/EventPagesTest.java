package org.tocsin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;

/**
 * The server-rendered event page and the RSVP forms, fetched as a plain HTTP client (no JavaScript):
 * the content, the link-preview meta and JSON-LD are in the HTML; hidden things stay out; a guest can
 * RSVP, change and withdraw through forms, in English and Persian.
 */
class EventPagesTest extends IntegrationTest {

    /** A budget for one event page without its description: the HTML a slow, jammed network must carry. */
    private static final int PAGE_BUDGET_BYTES = 12_000;

    private OrganizationFixtures group;

    @BeforeEach
    void group() {
        group = new OrganizationFixtures(api());
    }

    private String event(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", group.organization);
        body.put("title", "Vigil for the prisoners");
        body.put("description", "Bring **candles** and <script>alert(1)</script> friends.");
        body.put("kind", "VIGIL");
        body.put("start", "2027-05-06T18:00");
        body.put("end", "2027-05-06T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("locationVisibility", "ATTENDEES");
        body.put("speakers", List.of(Map.of("name", "Nasrin S.", "affiliation", "Lawyers' guild")));
        body.put(
                "place",
                Map.of(
                        "venue", "Secret courtyard",
                        "address", "Hidden Street 7",
                        "city", "Berlin",
                        "countryCode", "DE",
                        "lat", 52.5163,
                        "lon", 13.3777));
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

    @Test
    void anEventPageIsHtmlWithItsContentPreviewTagsAndJsonLdButNotItsHiddenPlace() {
        String id = event(Map.of());
        EntityExchangeResult<String> result = page("/events/" + id, "en");
        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy"))
                .contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        String html = result.getResponseBody();
        assertThat(html)
                .contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("<title>Vigil for the prisoners · Tocsin</title>")
                .contains("<h1 dir=\"auto\">Vigil for the prisoners</h1>")
                .contains("Thursday, 6 May 2027, 18:00 – 19:00 (\u2068Europe/Berlin\u2069)")
                .contains("<bdi>Berlin</bdi>, Germany")
                .contains("<bdi>Nasrin S.</bdi> (<bdi>Lawyers&#39; guild</bdi>)")
                .contains("<strong>candles</strong>")
                .contains("0 going")
                .contains("<meta property=\"og:title\" content=\"Vigil for the prisoners\">")
                .contains("<meta property=\"og:description\" content=\"Thursday, 6 May 2027")
                .contains("<meta name=\"twitter:card\" content=\"summary\">")
                .contains("<link rel=\"canonical\" href=\"http://localhost:8080/events/" + id + "?lang=en\">")
                .contains("<link rel=\"alternate\" hreflang=\"fa\" href=\"http://localhost:8080/events/" + id
                        + "?lang=fa\">")
                .contains("<script id=\"event-jsonld\" type=\"application/ld+json\">")
                .contains("\"@type\":\"Event\"", "\"startDate\":\"2027-05-06T16:00:00Z\"")
                .contains("<tocsin-app>")
                .contains("name=\"_csrf\"")
                .doesNotContain("Secret courtyard", "Hidden Street", "<script>alert");
        // Inside the JSON-LD block nothing can close the script element.
        String jsonLd = html.replaceAll(
                "(?s).*<script id=\"event-jsonld\" type=\"application/ld\\+json\">(.*?)</script>.*", "$1");
        assertThat(jsonLd).doesNotContain("<", ">");
        String withoutDescription = html.replaceAll("(?s)<div class=\"description\".*?</div>", "");
        assertThat(withoutDescription.getBytes(StandardCharsets.UTF_8).length).isLessThan(PAGE_BUDGET_BYTES);
    }

    @Test
    void persianVisitorsReadTheSolarHijriDateWithTheGregorianBeside() {
        String id = event(Map.of());
        for (EntityExchangeResult<String> result :
                List.of(page("/events/" + id, "fa-IR,fa;q=0.9,en;q=0.5"), page("/events/" + id + "?lang=fa", "en"))) {
            assertThat(result.getResponseBody())
                    .contains("<html lang=\"fa\" dir=\"rtl\">")
                    .contains("پنجشنبه ۱۶ اردیبهشت ۱۴۰۶، ۱۸:۰۰ – ۱۹:۰۰ (\u2068Europe/Berlin\u2069)")
                    .contains("۶ مهٔ ۲۰۲۷")
                    .contains("<meta property=\"og:locale\" content=\"fa_IR\">")
                    .contains("۰ نفر می‌آیند")
                    // The RSVP form's guests in the page's digits too.
                    .containsPattern("id=\"rsvp-guests\"[^>]*value=\"۰\"")
                    // The city by the gazetteer's Persian name, in the place and in the link preview.
                    .contains("<bdi>برلین</bdi>")
                    .contains("<meta property=\"og:description\" content=\"پنجشنبه ۱۶ اردیبهشت ۱۴۰۶")
                    .containsPattern("og:description\" content=\"[^\"]*برلین")
                    .doesNotContain("<bdi>Berlin</bdi>")
                    .doesNotContain("Secret courtyard");
        }
    }

    @Test
    void unknownAndPrivateEventsAnswerTheSameNotFoundPage() {
        String privateId = event(Map.of("visibility", "PRIVATE"));
        EntityExchangeResult<String> hidden = page("/events/" + privateId, "en");
        EntityExchangeResult<String> unknown = page("/events/0123456789abcdef0123456789abcdef", "en");
        assertThat(hidden.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(hidden.getResponseBody())
                .isEqualTo(unknown.getResponseBody())
                .doesNotContain("Vigil");
        // Its members see it.
        assertThat(group.owner
                        .get("/events/" + privateId)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("Vigil for the prisoners");
    }

    /** A browser without JavaScript: the page's CSRF cookie and form token, then plain form posts. */
    private record Browser(String cookie, String csrf) {}

    private Browser open(String html, EntityExchangeResult<String> result) {
        String cookie = result.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return new Browser(cookie, m.group(1));
    }

    private EntityExchangeResult<String> post(Browser browser, String path, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        if (browser.csrf() != null) {
            form.add("_csrf", browser.csrf());
        }
        return web.post()
                .uri(path)
                .cookie("XSRF-TOKEN", browser.cookie())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    @Test
    void aGuestRsvpsChangesAndWithdrawsThroughFormsWithPersianDigits() {
        String id = event(Map.of());
        EntityExchangeResult<String> first = page("/events/" + id, "en");
        Browser browser = open(first.getResponseBody(), first);

        EntityExchangeResult<String> answered = post(
                browser,
                "/events/" + id + "/rsvp?lang=en",
                Map.of("name", "Ada", "email", "", "response", "GOING", "guests", "۲"));
        assertThat(answered.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        URI location = answered.getResponseHeaders().getLocation();
        assertThat(location.getPath()).startsWith("/rsvp/tcm_");

        String managed = page(location.toString(), "en").getResponseBody();
        assertThat(managed)
                .contains("You are going.")
                .contains("3 going")
                // A GOING attendee sees the exact place.
                .contains("Secret courtyard")
                .contains("value=\"Ada\"")
                .contains("<meta name=\"robots\" content=\"noindex, nofollow\">");
        assertThat(page("/events/" + id, "en").getResponseBody()).contains("3 going");

        EntityExchangeResult<String> changed = post(
                browser, location.getPath() + "?lang=en", Map.of("name", "Ada", "response", "MAYBE", "guests", "0"));
        assertThat(changed.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(page(changed.getResponseHeaders().getLocation().toString(), "en")
                        .getResponseBody())
                .contains("Saved.", "You answered maybe.", "1 maybe", "0 going");

        EntityExchangeResult<String> withdrawn = post(browser, location.getPath() + "/withdraw?lang=en", Map.of());
        assertThat(withdrawn.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getResponseBody()).contains("Your RSVP is withdrawn");
        assertThat(page(location.getPath(), "en").getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page("/events/" + id, "en").getResponseBody()).contains("0 going", "0 maybe");
    }

    @Test
    void aRefusedFormComesBackWithWhatWasTypedAndAMessagePerFieldInTheVisitorsLanguage() {
        String id = event(Map.of());
        EntityExchangeResult<String> first = page("/events/" + id + "?lang=fa", "fa");
        Browser browser = open(first.getResponseBody(), first);

        EntityExchangeResult<String> refused = post(
                browser,
                "/events/" + id + "/rsvp?lang=fa",
                Map.of("name", "  ", "email", "kept@example.org", "response", "GOING", "guests", "۲۰"));
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getResponseBody())
                .contains("<html lang=\"fa\" dir=\"rtl\">")
                .contains("نامی تا ۸۰ نویسه")
                .contains("شمار همراهان را از ۰ تا ۱۰ وارد کنید")
                .contains("value=\"kept@example.org\"")
                .contains("value=\"۲۰\"")
                .contains("aria-invalid=\"true\"");
        // Nothing was stored.
        assertThat(page("/events/" + id, "en").getResponseBody()).contains("0 going");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
        String id = event(Map.of());
        EntityExchangeResult<String> first = page("/events/" + id, "en");
        Browser browser = open(first.getResponseBody(), first);
        EntityExchangeResult<String> forged = post(
                new Browser(browser.cookie(), null),
                "/events/" + id + "/rsvp",
                Map.of("name", "Mallory", "response", "GOING", "guests", "0"));
        assertThat(forged.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page("/events/" + id, "en").getResponseBody()).contains("0 going");
    }
}
