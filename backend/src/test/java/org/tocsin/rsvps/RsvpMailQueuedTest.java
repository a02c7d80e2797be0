package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.tocsin.storage.DataDirectory;
import org.tocsin.support.IntegrationTest;

/**
 * An RSVP's mail is queued in the request that changed the RSVP, not after it: once the answer is
 * out, the mail is durable (in the outbox, or already sent as an .eml file), so a replica that dies
 * right after answering loses no confirmation and no promotion. A mail sent off on its own usually
 * wins the race against the answer too, so this states the contract; what keeps it is the rule in
 * {@code ArchitectureTest} that no subscription goes without an error handler (nothing is sent off).
 */
class RsvpMailQueuedTest extends IntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    DataDirectory dataDirectory;

    @Test
    void theConfirmationAndThePromotionAreDurableWhenTheAnswerArrives() {
        RsvpFixtures f = new RsvpFixtures(api());
        String event = f.event(1);
        String first = "first-" + System.nanoTime() + "@example.org";
        String second = "second-" + System.nanoTime() + "@example.org";

        String token = f.answer(event, Map.of("name", "First", "email", first, "response", "GOING", "guests", 0))
                .get("manageToken")
                .asString();
        assertThat(durable(first, "You're going: ")).isTrue();
        f.answer(event, Map.of("name", "Second", "email", second, "response", "GOING", "guests", 0));
        assertThat(durable(second, "You're on the waitlist: ")).isTrue();

        api().anonymous().delete("/api/v1/rsvps/" + token).expectStatus().isNoContent();
        assertThat(durable(second, "A place opened up, you're going: ")).isTrue();
    }

    /** In the outbox, or (looked for after it, so a mail sent meanwhile is not missed) an .eml file. */
    private boolean durable(String to, String subject) {
        Query queued = Query.query(where("to").is(to).and("subject").regex("^" + Pattern.quote(subject)));
        if (Boolean.TRUE.equals(mongo.exists(queued, "outbox").block(Duration.ofSeconds(10)))) {
            return true;
        }
        Path outbox = dataDirectory.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return false;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.toString().endsWith(".eml")).anyMatch(p -> {
                try {
                    String mail = Files.readString(p, StandardCharsets.ISO_8859_1);
                    return mail.contains(to) && mail.contains("Subject: " + subject);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
