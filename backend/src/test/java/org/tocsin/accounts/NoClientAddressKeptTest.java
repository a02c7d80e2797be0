package org.tocsin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.tocsin.support.Api;
import org.tocsin.support.LogCapture;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/**
 * No client address is kept (issue 12 #5): after a run of everything an account and a guest do from two
 * known addresses (IPv4 and IPv6, as a reverse proxy reports them), no stored document, in any collection,
 * and no line logged during the run holds either address.
 */
class NoClientAddressKeptTest extends AccountMailContext {

    private static final String IPV6 = "2001:db8:7e57::42";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void noStoredDocumentAndNoLogLineHoldsAClientAddress() {
        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            runEverything(api(), "v4");
            runEverything(Api.from(web, IPV6), "v6");
            lines = log.lines();
        }

        List<String> leaks = new ArrayList<>();
        for (String collection : mongo.getCollectionNames().collectList().block(Duration.ofSeconds(30))) {
            for (Document doc :
                    mongo.findAll(Document.class, collection).collectList().block(Duration.ofSeconds(30))) {
                String json = doc.toJson();
                if (json.contains(clientAddress) || json.contains(IPV6) || json.contains("2001:db8:7e57")) {
                    leaks.add(collection + ": " + json);
                }
            }
        }
        assertThat(leaks).as("stored documents holding a client address").isEmpty();
        assertThat(lines).isNotEmpty();
        assertThat(lines)
                .as("log lines holding a client address")
                .noneMatch(l -> l.contains(clientAddress) || l.contains("2001:db8:7e57"));
    }

    private void runEverything(Api api, String tag) {
        String email = "noip-" + tag + "-" + UUID.randomUUID() + "@tocsin.test";
        Api.Caller user = api.newUser("Noor", email);
        api.anonymous()
                .post("/api/v1/auth/login", Map.of("email", email, "password", "not the password"))
                .expectStatus()
                .isUnauthorized();
        user.post("/api/v1/me/tokens", Map.of("name", "script")).expectStatus().isCreated();
        user.post("/api/v1/me/calendar-feed", Map.of()).expectStatus().isCreated();
        String secret = TwoFactorFixtures.enrol(user);
        String challenge = api.anonymous()
                .post("/api/v1/auth/login", Map.of("email", email, "password", Api.PASSWORD))
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("challenge")
                .asString();
        api.anonymous()
                .post(
                        "/api/v1/auth/login/second-factor",
                        Map.of(
                                "challenge",
                                challenge,
                                "code",
                                Totp.code(Totp.fromBase32(secret), Totp.step(Instant.now()) + 1)))
                .expectStatus()
                .isOk();
        user.get("/api/v1/me/sessions").expectStatus().isOk();
        api.anonymous()
                .post("/api/v1/auth/password-reset", Map.of("email", email))
                .expectStatus()
                .isAccepted();

        verifyByMail(api, email);
        OrganizationFixtures group = new OrganizationFixtures(api, "No address " + tag, user);
        String event = group.owner.createdId(
                "/api/v1/events",
                Map.of(
                        "organization",
                        group.organization,
                        "title",
                        "Vigil",
                        "kind",
                        "VIGIL",
                        "start",
                        "2027-05-06T18:00",
                        "end",
                        "2027-05-06T19:00",
                        "timeZone",
                        "Europe/Berlin",
                        "online",
                        Map.of("url", "https://example.org/live")));
        api.anonymous()
                .post(
                        "/api/v1/events/" + event + "/rsvps",
                        Map.of("name", "Guest", "email", "guest-" + tag + "@tocsin.test", "response", "GOING"))
                .expectStatus()
                .isCreated();
        user.post("/api/v1/events/" + event + "/rsvps", Map.of("name", "Noor", "response", "GOING"))
                .expectStatus()
                .isCreated();
    }
}
