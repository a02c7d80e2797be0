package org.tocsin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.tocsin.support.IntegrationTest;

/**
 * What a browser notices of how the backend serves the web app: deep links open the app, the app's pages
 * carry a strict CSP and cannot be framed (except the iframe widget), and partner sites on other origins
 * can read the public API, the feeds and the widget script, without cookies.
 */
class WebFrontendTest extends IntegrationTest {

    private static final String PARTNER = "https://partner.example";
    /** What Chromium and Firefox send when a person opens an address. */
    private static final String BROWSER_NAVIGATION =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/join/tci_some-invitation-token",
                "/signin",
                "/register",
                "/dashboard",
                "/dashboard/organizations/some-group/events/new",
                "/dashboard/events/abc",
                "/embed",
                "/embed/events"
            })
    void deepLinksOpenTheApp(String path) {
        // The URI template percent-encodes the Persian city, as a browser does.
        String body = web.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).contains("<tocsin-app");
    }

    /**
     * A signed-out browser opening a member's page (a bookmark, a link in a mail, an expired session) gets the app,
     * which sends it to sign in and back (the frontend's MEMBER_ROUTES), never the security chain's 401 in JSON; a
     * path that is no page at all is the not-found page. Programs calling the API keep their 401 problem, even when
     * they would take HTML.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/dashboard",
                "/dashboard/organizations/some-group",
                "/dashboard/organizations/some-group/events/new",
                "/dashboard/events/abc/rsvps",
                "/dashboard/moderation"
            })
    void aSignedOutBrowserOpeningAMembersPageGetsTheAppAndTheApiKeepsItsProblem(String path) {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
            web.method(method)
                    .uri(path)
                    .header(HttpHeaders.ACCEPT, BROWSER_NAVIGATION)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML);
        }
        web.get()
                .uri("/organizations")
                .header(HttpHeaders.ACCEPT, BROWSER_NAVIGATION)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML);
        web.get()
                .uri("/api/v1/me/organizations")
                .header(HttpHeaders.ACCEPT, BROWSER_NAVIGATION)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Public pages are rendered on the server (org.tocsin.pages); unknown ones are a 404 page the app still takes over. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/events/0123abcd",
                "/rsvp/some-manage-token",
                // A city no test makes an action in (the suite shares one application and database).
                "/cities/de/kein-ort-hier",
                // A Persian name the gazetteer does not know (a known one redirects: CityGazetteerTest).
                "/cities/ir/ناکجاآباد",
                "/organizations/some-group",
                "/campaigns/united-against-executions"
            })
    void serverRenderedPagesOfUnknownThingsAreNotFoundPagesOfTheApp(String path) {
        String body = web.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).contains("<tocsin-app>", "noindex");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/nothing-here",
                "/events/0123abcd.ics",
                "/feeds/cities/zz/nowhere.ics",
                "/actuator/env",
                "/v3/api-docs/nothing",
                "/assets/missing.js",
                "/some/unknown/page"
            })
    void apiFeedsDownloadsAndFilesAreNeverTheApp(String path) {
        byte[] body = web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isGreaterThanOrEqualTo(400))
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(body == null ? "" : new String(body)).doesNotContain("<tocsin-app");
    }

    @Test
    void builtFilesAreCachedByTheirHashAndPagesRevalidate() {
        String index = web.get()
                .uri("/dashboard")
                .exchange()
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, cc -> assertThat(cc).contains("no-cache"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String asset = index.replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        assertThat(asset).startsWith("/assets/");
        web.get()
                .uri(asset)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, cc -> assertThat(cc).contains("max-age=31536000", "immutable"))
                .expectHeader()
                .value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"));
        String etag = web.get()
                .uri("/widget/tocsin-events.js")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        web.get()
                .uri("/widget/tocsin-events.js")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Test
    void pagesHaveAStrictContentSecurityPolicyAndCannotBeFramed() {
        web.get()
                .uri("/events/0123abcd")
                .exchange()
                .expectHeader()
                .value(
                        "Content-Security-Policy",
                        csp -> assertThat(csp)
                                .contains(
                                        "default-src 'self'",
                                        "object-src 'none'",
                                        "base-uri 'none'",
                                        "frame-ancestors 'none'")
                                .doesNotContain("unsafe-inline", "unsafe-eval"))
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer");
    }

    @Test
    void theIframeWidgetMayBeFramedByAnySite() {
        web.get()
                .uri("/embed/events?organization=x&theme=dark")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(
                        "Content-Security-Policy",
                        csp -> assertThat(csp)
                                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors *")
                                .doesNotContain("frame-ancestors 'none'"))
                .expectHeader()
                .doesNotExist("X-Frame-Options");
        // The generator page is not the widget: it stays unframeable.
        web.get()
                .uri("/embed")
                .exchange()
                .expectHeader()
                .value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/events",
                "/api/v1/cities",
                "/api/v1/campaigns",
                "/api/v1/calendars",
                "/feeds/events.json"
            })
    void partnerSitesReadThePublicApiAndFeedsWithoutCookies(String path) {
        web.get()
                .uri(path)
                .header(HttpHeaders.ORIGIN, PARTNER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void aSharedCacheGetsTheSameCorsHeadersWithOrWithoutAnOrigin() {
        web.get()
                .uri("/api/v1/cities")
                .exchange()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }

    @Test
    void theWidgetScriptIsServedToAnyOrigin() {
        String script = web.get()
                .uri("/widget/tocsin-events.js")
                .header(HttpHeaders.ORIGIN, PARTNER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"))
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(script).contains("tocsin-events").doesNotContain("sourceMappingURL=http");
    }

    @Test
    void aPreflightForAPublicReadIsAnsweredWithoutSigningIn() {
        web.options()
                .uri("/api/v1/events")
                .header(HttpHeaders.ORIGIN, PARTNER)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus()
                .isNoContent()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void accountsWritesAndPrivateFeedsGetNoCors() {
        web.get()
                .uri("/api/v1/me")
                .header(HttpHeaders.ORIGIN, PARTNER)
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        web.get()
                .uri("/api/v1/me/organizations")
                .header(HttpHeaders.ORIGIN, PARTNER)
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        web.get()
                .uri("/feeds/private/not-a-token.ics")
                .header(HttpHeaders.ORIGIN, PARTNER)
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        web.post()
                .uri("/api/v1/events")
                .header(HttpHeaders.ORIGIN, PARTNER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        web.options()
                .uri("/api/v1/auth/login")
                .header(HttpHeaders.ORIGIN, PARTNER)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
