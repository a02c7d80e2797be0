package org.tocsin.rsvps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.support.Api;
import org.tocsin.support.ChildApp;
import org.tocsin.support.ChildApps;

/**
 * An acknowledged RSVP keeps its confirmation mail through a {@code kill -9}: for a guest of an
 * EMAIL_CONFIRMED event that mail is the only copy of the manage link. The process is killed the
 * moment a batch of 201s has come back, with more RSVPs still in flight; after a restart, every
 * acknowledged RSVP's mail is delivered (without SMTP: written to the outbox folder).
 */
class RsvpMailCrashTest {

    private static final int RSVPS = 240;
    private static final int KILL_AFTER = 160;

    @TempDir
    Path temporary;

    @RegisterExtension
    final ChildApps children = new ChildApps();

    @Test
    void everyAcknowledgedRsvpHasItsConfirmationMailAfterKill9() throws Exception {
        Path dataDir = Files.createDirectory(temporary.resolve("data"));
        ChildApp first = start(dataDir);
        RsvpFixtures fixtures = new RsvpFixtures(first.api());
        Map<String, Object> event = fixtures.vigil(null);
        event.put("rsvpMode", "EMAIL_CONFIRMED");
        String eventId = fixtures.create(event);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch batch = new CountDownLatch(KILL_AFTER);
        Api.Caller guest = first.api().anonymous();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < RSVPS; i++) {
                String email = "crash-guest-" + i + "@tocsin.test";
                Map<String, Object> body = RsvpFixtures.rsvp("Guest " + i, "GOING", 0);
                body.put("email", email);
                clients.submit(() -> {
                    try {
                        int status = guest.post("/api/v1/events/" + eventId + "/rsvps", body)
                                .returnResult(Void.class)
                                .getStatus()
                                .value();
                        if (status == 201) {
                            acknowledged.add(email);
                            batch.countDown();
                        }
                    } catch (RuntimeException | AssertionError killed) {
                        // In flight when the process died: not acknowledged, nothing promised.
                    }
                });
            }
            assertThat(batch.await(5, TimeUnit.MINUTES))
                    .as("%s RSVPs acknowledged", KILL_AFTER)
                    .isTrue();
            first.kill9();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER);

        ChildApp second = start(dataDir);
        Set<String> missing = awaitMails(dataDir.resolve("outbox"), acknowledged, Duration.ofSeconds(90));
        assertThat(missing)
                .as(
                        "acknowledged RSVPs without a confirmation mail (log: %s)",
                        second.log()
                                .lines()
                                .filter(line -> line.contains("Mail"))
                                .toList())
                .isEmpty();
    }

    private ChildApp start(Path dataDir) throws IOException, InterruptedException {
        // A short poll and lease: after the restart, the sender picks up what the killed process had queued,
        // and also what it had claimed for sending (a lease of minutes would hold those past the test).
        return children.start(dataDir, "--tocsin.mail.poll-interval=PT1S", "--tocsin.mail.lease=PT5S");
    }

    /** The addresses still without a written mail when all have one or the time is up. */
    private static Set<String> awaitMails(Path outbox, Set<String> addresses, Duration limit) {
        Set<String> missing = ConcurrentHashMap.newKeySet();
        missing.addAll(addresses);
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (Files.isDirectory(outbox)) {
                    try (Stream<Path> mails = Files.list(outbox)) {
                        for (Path mail :
                                mails.filter(p -> p.toString().endsWith(".eml")).toList()) {
                            String text = Files.readString(mail);
                            missing.removeIf(address -> text.contains("To: " + address + "\r\n"));
                        }
                    }
                }
                return missing.isEmpty();
            });
        } catch (ConditionTimeoutException timedOut) {
            // The assertion that follows names the addresses still missing.
        }
        return missing;
    }
}
