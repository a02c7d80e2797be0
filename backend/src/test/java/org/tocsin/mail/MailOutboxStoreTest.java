package org.tocsin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tocsin.mail.internal.OutboxMail;
import org.tocsin.mail.internal.OutboxStore;
import org.tocsin.storage.Ids;
import org.tocsin.support.TestStorage;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * What lets several replicas share one outbox: a claim is atomic, a held lease keeps others off, an
 * expired one lets another replica take over, and a late attempt cannot release a mail it lost.
 * Its own context and store, with the app's sender idle: in the shared context any mail another test
 * queues in the background wakes the sender, which claims the earliest due mail, these ones included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailOutboxStoreTest {

    private static final Instant T0 = Instant.parse("2000-01-01T00:00:00Z");
    /** Not a @TempDir: the cached context outlives this class and still has the file open. */
    private static final Path DATA_DIR = TestStorage.newDataDir("tocsin-outbox-store-test-");

    @DynamicPropertySource
    static void quietSender(DynamicPropertyRegistry registry) {
        TestStorage.register(registry, DATA_DIR, "tocsin-outbox-store-test");
        registry.add("tocsin.mail.poll-interval", () -> "PT1H");
    }

    @Autowired
    OutboxStore store;

    private OutboxMail queued(Instant dueAt) {
        OutboxMail mail = new OutboxMail(
                Ids.newId(),
                "store-" + System.nanoTime() + "@example.org",
                "s",
                "t",
                List.of(),
                OutboxMail.State.QUEUED,
                dueAt,
                null,
                0,
                dueAt);
        return store.insert(mail).block(Duration.ofSeconds(10));
    }

    @Test
    void ofManyConcurrentClaimsExactlyOneGetsTheMail() {
        OutboxMail mail = queued(T0.plusSeconds(1));

        List<OutboxMail> won = Flux.range(0, 8)
                .flatMap(i -> store.claimNext(T0.plusSeconds(1), T0.plusSeconds(301), "claim-" + i)
                        .subscribeOn(Schedulers.boundedElastic()))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(won).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(mail.id());
            assertThat(m.state()).isEqualTo(OutboxMail.State.SENDING);
            assertThat(m.attempts()).isEqualTo(1);
        });
        store.delete(mail.id()).block(Duration.ofSeconds(10));
    }

    @Test
    void aHeldLeaseKeepsOthersOffAndAnExpiredOneIsTakenOver() {
        OutboxMail mail = queued(T0);

        OutboxMail first = store.claimNext(T0, T0.plusSeconds(300), "first").block(Duration.ofSeconds(10));
        assertThat(first).isNotNull().extracting(OutboxMail::id).isEqualTo(mail.id());
        assertThat(store.claimNext(T0.plusSeconds(60), T0.plusSeconds(360), "second")
                        .block(Duration.ofSeconds(10)))
                .isNull();

        // The first replica went quiet; once its lease is over, another one takes the mail.
        OutboxMail taken = store.claimNext(T0.plusSeconds(301), T0.plusSeconds(601), "third")
                .block(Duration.ofSeconds(10));
        assertThat(taken).isNotNull();
        assertThat(taken.id()).isEqualTo(mail.id());
        assertThat(taken.attempts()).isEqualTo(2);
        assertThat(taken.claim()).isEqualTo("third");

        // The first replica's late failure report does not put the mail back in the queue.
        store.release(mail.id(), "first", T0).block(Duration.ofSeconds(10));
        OutboxMail now = store.byId(mail.id()).block(Duration.ofSeconds(10));
        assertThat(now.state()).isEqualTo(OutboxMail.State.SENDING);
        assertThat(now.claim()).isEqualTo("third");

        store.release(mail.id(), "third", T0.plusSeconds(900)).block(Duration.ofSeconds(10));
        OutboxMail requeued = store.byId(mail.id()).block(Duration.ofSeconds(10));
        assertThat(requeued.state()).isEqualTo(OutboxMail.State.QUEUED);
        assertThat(requeued.dueAt()).isEqualTo(T0.plusSeconds(900));
        store.delete(mail.id()).block(Duration.ofSeconds(10));
        assertThat(store.byId(mail.id()).block(Duration.ofSeconds(10))).isNull();
    }
}
