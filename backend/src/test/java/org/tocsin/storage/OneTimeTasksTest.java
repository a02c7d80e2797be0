package org.tocsin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.support.IntegrationTest;
import reactor.core.publisher.Mono;

/** A repair of old data runs once per database, not at every start. */
class OneTimeTasksTest extends IntegrationTest {

    @Autowired
    OneTimeTasks tasks;

    @Test
    void aTaskRunsOnceAndOthersStillRun() {
        AtomicInteger runs = new AtomicInteger();
        Mono<Void> repair = Mono.fromRunnable(runs::incrementAndGet);
        String name = "repair-" + System.nanoTime();

        assertThat(tasks.once(name, repair).block()).isTrue();
        assertThat(tasks.once(name, repair).block()).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(tasks.once(name + "-other", repair).block()).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aTaskThatFailsIsNotRecordedAndRunsAgain() {
        String name = "failing-" + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();
        Mono<Void> failing = Mono.fromRunnable(runs::incrementAndGet).then(Mono.error(new IllegalStateException()));

        assertThat(tasks.once(name, failing).onErrorReturn(false).block()).isFalse();
        assertThat(tasks.once(name, Mono.fromRunnable(runs::incrementAndGet)).block())
                .isTrue();
        assertThat(runs).hasValue(2);
    }
}
