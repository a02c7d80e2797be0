package org.tocsin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.support.Problems.expectProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.LogCapture;
import org.tocsin.support.OrganizationFixtures;
import org.tocsin.support.RawHttp;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, findings 12, 16 and 17: what a stranger's odd request gets. Every error is a problem
 * (even those the firewall and Netty answer before Spring's handlers run), a date far outside any
 * plausible year is a 400 and not a 500 with a stack trace in the log, and names of files that do
 * not exist do not pile up in memory.
 */
class HostileRequestTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    WebAppFiles webAppFiles;

    @Autowired
    DispatcherHandler dispatcher;

    @Test
    void requestsRefusedBeforeSpringRoutesThemAreProblemsToo() throws IOException {
        List<String> targets = List.of(
                "/feeds/cities//x.ics",
                "/api/v1/events%2F..",
                "/api/v1/events/%2e%2e/x",
                "/a%00b",
                "/api/v1/../actuator/env",
                "/x/../../etc/passwd",
                "//api/v1/events",
                "/api/v1/events;jsessionid=1",
                "/feeds/%5C..%5Cx",
                "/" + "a".repeat(5000),
                "/?q=" + "b".repeat(9000));
        List<String> failures = new ArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            for (String target : targets) {
                RawHttp.Response r = RawHttp.send(port, "GET", target);
                if (r.status() < 400 || r.status() >= 500 || !r.isProblem()) {
                    failures.add(target.substring(0, Math.min(60, target.length())) + " -> " + r.head());
                }
            }
            RawHttp.Response bigHeader = RawHttp.send(port, "GET", "/api/v1/events", "X-Big: " + "c".repeat(20_000));
            if (bigHeader.status() < 400 || bigHeader.status() >= 500 || !bigHeader.isProblem()) {
                failures.add("20 KB header -> " + bigHeader.head());
            }
            assertThat(failures).isEmpty();
            assertThat(log.traces()).isEmpty();
        }
    }

    @Test
    void datesOutsideThePlausibleYearsAre400sAndLeaveNoTraceInTheLog() {
        OrganizationFixtures f = new OrganizationFixtures(api());
        Api.Caller anonymous = api().anonymous();
        try (LogCapture log = LogCapture.start()) {
            for (String from : List.of(
                    "%2B999999999-12-31",
                    "-999999999-01-01",
                    "1000-01-01",
                    "2201-01-01",
                    "%2B1000000000-12-31T23:59:59Z",
                    "1899-12-31T23:59:59Z")) {
                expectProblem(
                                web.get()
                                        .uri(java.net.URI.create(
                                                "http://127.0.0.1:" + port + "/api/v1/events?from=" + from))
                                        .exchange(),
                                400,
                                "/problems/validation")
                        .jsonPath("$.errors[0].field")
                        .isEqualTo("from");
            }
            expectProblem(
                            web.get()
                                    .uri(java.net.URI.create(
                                            "http://127.0.0.1:" + port + "/api/v1/events?to=%2B999999999-12-31"))
                                    .exchange(),
                            400,
                            "/problems/validation")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("to");
            expectProblem(
                            web.get()
                                    .uri("/api/v1/events?from=2027-01-01&to=2031-01-01")
                                    .exchange(),
                            400,
                            "/problems/validation")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("to");

            Map<String, Object> event = new java.util.HashMap<>(Map.of(
                    "organization",
                    f.organization,
                    "title",
                    "Vigil",
                    "kind",
                    "VIGIL",
                    "start",
                    "2027-05-01T18:00",
                    "end",
                    "2027-05-01T19:00",
                    "timeZone",
                    "Europe/Berlin",
                    "online",
                    Map.of("url", "https://example.org/live")));
            for (String[] bad : new String[][] {
                {"start", "+999999999-12-31T18:00"},
                {"start", "-999999999-01-01T18:00"},
                {"end", "+999999999-12-31T23:59:59"},
                {"start", "1899-12-31T23:00"}
            }) {
                Map<String, Object> body = new java.util.HashMap<>(event);
                body.put(bad[0], bad[1]);
                expectProblem(f.owner.post("/api/v1/events", body), 400, "/problems/validation")
                        .jsonPath("$.errors[0].field")
                        .isEqualTo(bad[0]);
            }
            Map<String, Object> exdated = new java.util.HashMap<>(event);
            exdated.put(
                    "recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=3", "exdates", List.of("+999999999-12-31T18:00")));
            expectProblem(f.owner.post("/api/v1/events", exdated), 400, "/problems/validation");

            Map<String, Object> series = new java.util.HashMap<>(event);
            series.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=3"));
            String id = f.owner.createdId("/api/v1/events", series);
            for (String occurrence : List.of(
                    "+1000000000-12-31T23:59:59Z",
                    "+999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59",
                    "-999999999-01-01T00:00")) {
                expectProblem(
                                anonymous.post(
                                        "/api/v1/events/" + id + "/rsvps",
                                        Map.of("name", "Sam", "response", "GOING", "occurrence", occurrence)),
                                400,
                                "/problems/validation")
                        .jsonPath("$.errors[0].field")
                        .isEqualTo("occurrence");
            }
            for (String recurrenceId : List.of("+999999999-12-31T18:00", "-999999999-01-01T00:00")) {
                expectProblem(
                        f.owner.put("/api/v1/events/" + id + "/occurrences/" + recurrenceId, Map.of("cancelled", true)),
                        404,
                        "/problems/not-found");
            }
            expectProblem(
                    f.owner.put(
                            "/api/v1/events/" + id + "/occurrences/2027-05-08T18:00",
                            Map.of("start", "+999999999-05-08T18:00", "end", "+999999999-05-08T19:00")),
                    400,
                    "/problems/validation");
            expectProblem(
                    f.owner.post(
                            "/api/v1/campaigns",
                            Map.of(
                                    "organization",
                                    f.organization,
                                    "name",
                                    "Day of action",
                                    "startsOn",
                                    "+999999999-01-01",
                                    "endsOn",
                                    "+999999999-01-02")),
                    400,
                    "/problems/validation");
            assertThat(log.traces()).isEmpty();
        }
    }

    @Test
    void discoveryFiltersAndWindowsAreBounded() {
        List<String> failures = new ArrayList<>();
        for (String[] bad : new String[][] {
            {"q", "q=" + "word ".repeat(60)},
            {"tag", "tag=" + "t".repeat(41)},
            {"city", "country=DE&city=" + "c".repeat(101)},
            {"organization", "organization=" + "o".repeat(65)},
            {"cursor", "cursor=" + "A".repeat(201)},
            {"radiusKm", "near=52.5,13.4&radiusKm=NaN"},
            {"to", "from=2027-01-01&to=2030-12-31"},
            {"limit", "limit=201"}
        }) {
            var result = web.get()
                    .uri("/api/v1/events?" + bad[1])
                    .exchange()
                    .expectBody(JsonNode.class)
                    .returnResult();
            failures.add(bad[0] + " -> " + result.getStatus().value() + " "
                    + result.getResponseBody()
                            .path("errors")
                            .path(0)
                            .path("field")
                            .asString());
        }
        assertThat(failures).allMatch(line -> line.matches("(\\w+) -> 400 \\1"));
    }

    @Test
    void tenThousandUnknownFileNamesDoNotGrowTheCacheBeyondItsBound() {
        String salt = Long.toString(ThreadLocalRandom.current().nextLong(), 36).replace('-', 'x');
        // Over the wire, as an attacker sends them (a thousand: each costs a jar lookup and a 404 problem).
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        Long notFound = Flux.range(0, 1_000)
                .flatMap(
                        n -> client.get()
                                .uri("/" + salt + "h" + n + "x".repeat(3000) + ".js")
                                .exchangeToMono(r -> r.releaseBody()
                                        .thenReturn(r.statusCode().value())),
                        16)
                .filter(status -> status == 404)
                .count()
                .block();
        assertThat(notFound).isEqualTo(1_000);
        // Then ten thousand more straight through the resource handling, which is where names are kept.
        Flux.range(0, 10_000)
                .concatMap(n -> dispatcher
                        .handle(MockServerWebExchange.from(
                                MockServerHttpRequest.get("/" + salt + "d" + n + "x".repeat(3000) + ".js")))
                        .onErrorResume(NoResourceFoundException.class, e -> Mono.empty()))
                .blockLast();
        // Only files found are kept: at most what the jar holds (a handful), never one entry per name asked.
        assertThat(webAppFiles.cachedNames()).isLessThanOrEqualTo(100);
    }
}
