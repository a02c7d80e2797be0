package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tocsin.TocsinApplication;
import org.tocsin.storage.EmbeddedMongoAccess;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Two backend instances on one database, as behind a load balancer: the seat counter lives in the
 * database, so the capacity holds across them. The second instance is a separate application
 * context pointed at the first one's MongoDB (the embedded server, or TOCSIN_TEST_MONGODB_URI).
 */
class RsvpTwoInstancesTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    MongoConnectionDetails mongo;

    @Autowired
    ApplicationContext context;

    private ConfigurableApplicationContext second;

    @AfterEach
    void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoHundredAtOnceThroughTwoInstancesFillExactlyTheCapacity() {
        second = new SpringApplicationBuilder(TocsinApplication.class)
                .initializers(EmbeddedMongoAccess.credentialOf(context))
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + mongo.getConnectionString().getConnectionString(),
                        "--tocsin.rate-limits.enabled=false",
                        // Like the first instance (IntegrationTest): about RSVPs, not sign-up.
                        "--tocsin.accounts.require-verified-email=false",
                        "--spring.main.banner-mode=off");
        String firstUrl = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
        String secondUrl = "http://127.0.0.1:" + second.getEnvironment().getRequiredProperty("local.server.port");

        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(20);
        String csrf = web.get()
                .uri("/api/v1/auth/csrf")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .asString();
        List<JsonNode> answers = ConcurrentRsvps.answer(List.of(firstUrl, secondUrl), csrf, event, 200, i -> 1);

        assertThat(answers).hasSize(200);
        assertThat(answers.stream().filter(a -> a.get("state").asString().equals("GOING")))
                .hasSize(10);
        assertThat(answers.stream().filter(a -> a.get("state").asString().equals("WAITLISTED")))
                .hasSize(190);
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(20);

        // A withdrawal through the second instance promotes the head of the line, as the first sees it.
        List<JsonNode> before = RsvpCapacityTest.entries(f.list(event));
        String head = before.stream()
                .filter(e -> e.hasNonNull("waitlistPosition")
                        && e.get("waitlistPosition").asInt() == 1)
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        String token = answers.stream()
                .filter(a -> a.get("state").asString().equals("GOING"))
                .findFirst()
                .orElseThrow()
                .get("manageToken")
                .asString();
        Api.of(WebTestClient.bindToServer()
                        .baseUrl(secondUrl)
                        .responseTimeout(Duration.ofSeconds(30))
                        .build())
                .anonymous()
                .delete("/api/v1/rsvps/" + token)
                .expectStatus()
                .isNoContent();
        List<JsonNode> after = RsvpCapacityTest.entries(f.list(event));
        assertThat(RsvpCapacityTest.stateIn(after, head)).isEqualTo("GOING");
        assertThat(after.stream().filter(e -> e.get("state").asString().equals("GOING")))
                .hasSize(10);
        assertThat(f.attendance(event).get("going").asInt()).isEqualTo(20);
    }
}
