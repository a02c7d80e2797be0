package org.tocsin;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The "reactive all the way" rule is only enforced if BlockHound is really installed in the test
 * JVM (by blockhound-junit-platform, which needs the surefire argLine); this fails if it is not.
 */
class BlockHoundTest {

    @Test
    void blockingOnAParallelThreadFails() {
        Mono<Void> sleepsOnAnEventLoopLikeThread = Mono.<Void>fromRunnable(() -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(sleepsOnAnEventLoopLikeThread)
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void blockingOnBoundedElasticIsAllowed() {
        StepVerifier.create(Mono.fromCallable(() -> {
                            Thread.sleep(1);
                            return "slept";
                        })
                        .subscribeOn(Schedulers.boundedElastic()))
                .expectNext("slept")
                .verifyComplete();
    }
}
