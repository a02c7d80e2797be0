package org.tocsin.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.support.Api;
import org.tocsin.support.InProcessApp;
import org.tocsin.support.TestStorage;

/**
 * A takedown survives a restart: the read model is loaded at start, and an event hidden before must
 * not come back in discovery, nor its page, until a moderator restores it.
 */
class TakedownRestartTest {

    private static final String ADMIN = "restart-admin@tocsin.test";

    private static InProcessApp start(Path dataDir) {
        return InProcessApp.start(dataDir, "--tocsin.admins=" + ADMIN);
    }

    @Test
    void aHiddenEventStaysHiddenAfterARestart() {
        Path dataDir = TestStorage.newDataDir("tocsin-takedown-");
        String word = "zyqrestart";
        String event;
        try (InProcessApp first = start(dataDir)) {
            Api api = first.api();
            Api.Caller owner = api.newUser("Owner", "owner@tocsin.test");
            owner.post("/api/v1/organizations", Map.of("name", "Restarted", "slug", "restarted"))
                    .expectStatus()
                    .isCreated();
            Map<String, Object> body = new HashMap<>();
            body.put("organization", "restarted");
            body.put("title", "Vigil " + word);
            body.put("kind", "VIGIL");
            body.put("start", "2027-10-10T18:00");
            body.put("end", "2027-10-10T19:00");
            body.put("timeZone", "Europe/Berlin");
            body.put("place", Map.of("city", "Berlin", "countryCode", "DE"));
            event = owner.createdId("/api/v1/events", body);
            api.newUser("Admin", ADMIN)
                    .post("/api/v1/moderation/events/" + event + "/hide", Map.of())
                    .expectStatus()
                    .isOk();
        }
        try (InProcessApp second = start(dataDir)) {
            Api.Caller stranger = second.api().anonymous();
            assertThat(stranger.get("/api/v1/events?q=" + word + "&from=2027-10-01T00:00:00Z")
                            .expectStatus()
                            .isOk()
                            .expectBody(String.class)
                            .returnResult()
                            .getResponseBody())
                    .doesNotContain(event);
            stranger.get("/api/v1/events/" + event).expectStatus().isNotFound();
        }
    }
}
