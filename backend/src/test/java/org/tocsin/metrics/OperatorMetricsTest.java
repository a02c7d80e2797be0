package org.tocsin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.support.Api;
import org.tocsin.support.ChildApp;
import org.tocsin.support.ChildApps;
import tools.jackson.databind.JsonNode;

/**
 * The {@code metrics} profile and structured logs, on a child JVM (the logging system and the management
 * server are per process): Prometheus's text on the management port only, with the meters operators need,
 * and JSON log lines that hold no client address.
 */
class OperatorMetricsTest {

    private static final String CLIENT_V4 = "203.0.113.77";
    private static final String CLIENT_V6 = "2001:db8::77";

    @TempDir
    Path dataDir;

    @RegisterExtension
    final ChildApps children = new ChildApps();

    @Test
    void prometheusIsServedOnTheManagementPortAloneAndLogsAreJsonWithoutClientAddresses() throws Exception {
        int managementPort = ChildApp.freePort();
        ChildApp app = children.startHealthyAt(
                "/readyz",
                dataDir,
                "--spring.profiles.active=metrics",
                "--management.server.port=" + managementPort,
                "--logging.structured.format.console=ecs",
                "--server.forward-headers-strategy=native");
        WebTestClient main = app.client();

        // Some traffic, from addresses a proxy reports: an event, an RSVP, discovery, a feed and its 304.
        Api.Caller owner = Api.from(main, CLIENT_V4).newUser("Organizer");
        String organization = owner.post("/api/v1/organizations", Map.of("name", "Metrics group"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("slug")
                .asString();
        Map<String, Object> event = new HashMap<>(Map.of(
                "organization", organization,
                "title", "Vigil",
                "kind", "VIGIL",
                "start", "2027-05-06T18:00",
                "end", "2027-05-06T19:00",
                "timeZone", "Europe/Berlin",
                "place", Map.of("city", "Berlin", "countryCode", "DE")));
        String id = owner.createdId("/api/v1/events", event);
        Api.from(main, CLIENT_V6)
                .anonymous()
                .post("/api/v1/events/" + id + "/rsvps", Map.of("name", "Sam", "response", "GOING", "guests", 0))
                .expectStatus()
                .isCreated();
        Api.from(main, CLIENT_V6)
                .anonymous()
                .get("/api/v1/events?city=Berlin&country=DE")
                .expectStatus()
                .isOk();
        String etag = main.get()
                .uri("/feeds/organizations/" + organization + ".ics")
                .header("X-Forwarded-For", CLIENT_V4)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        main.get()
                .uri("/feeds/organizations/" + organization + ".ics")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();

        // Not on the public port, whatever the path.
        main.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .value(s -> assertThat(s).isIn(401, 403, 404));
        main.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .value(s -> assertThat(s).isIn(401, 403, 404));

        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .build();
        String text = management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(text)
                .contains("tocsin_feed_requests_total{outcome=\"ok\"} 1.0")
                .contains("tocsin_feed_requests_total{outcome=\"not_modified\"} 1.0")
                .contains("tocsin_discovery_latency_seconds_count 1")
                .contains("tocsin_discovery_latency_seconds_bucket")
                .contains("tocsin_rsvps_total{outcome=\"accepted\"} 1.0")
                .contains("tocsin_mail_queue")
                .contains("tocsin_mail_failures_total{outcome=\"dropped\"} 0.0")
                .contains("tocsin_webhook_failures_total{outcome=\"given_up\"} 0.0")
                .contains("tocsin_import_failures_total{kind=\"bulk_failed\"} 0.0")
                // Boot's JVM and process meters, which only this profile loads (NoMetersByDefaultTest).
                .contains("jvm_memory_used_bytes")
                .contains("process_cpu_usage")
                .doesNotContain(CLIENT_V4)
                .doesNotContain("2001:db8");
        // Only the scrape: the rest of the actuator is neither exposed nor let through.
        management
                .get()
                .uri("/actuator/env")
                .exchange()
                .expectStatus()
                .value(s -> assertThat(s).isIn(401, 403, 404));

        // Every line the application logs; the JVM's own start-up warnings on stderr ("WARNING: ...") are not its.
        List<String> lines = app.log()
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("WARNING: "))
                .toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\""));
        assertThat(app.log()).doesNotContain(CLIENT_V4).doesNotContain("2001:db8");
    }
}
