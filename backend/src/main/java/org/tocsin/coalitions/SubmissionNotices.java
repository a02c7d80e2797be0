package org.tocsin.coalitions;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Submissions received and decided on this replica, once stored, for features outside coalitions that tell others
 * of them (webhooks). Ids and the state only: who submitted or decided, and the decline reason, stay here.
 * Followers get them on a thread of their own, never on the writer's.
 */
@Component
public class SubmissionNotices implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SubmissionNotices.class);
    /** Submissions are bounded per campaign and organization; beyond this many waiting, one is dropped and logged. */
    private static final int BUFFER = 1_024;

    public enum Kind {
        RECEIVED,
        DECIDED
    }

    /**
     * @param campaignOrganizationId the organization whose campaign it is: the one told
     * @param organizationId the organization that submitted its event
     */
    public record Notice(
            Kind kind,
            String submissionId,
            String campaignSlug,
            String campaignOrganizationId,
            String eventId,
            String organizationId,
            SubmissionState state,
            Instant at) {}

    private final Sinks.Many<Notice> sink = Sinks.many().multicast().onBackpressureBuffer(BUFFER, false);
    private final Scheduler delivery = Schedulers.newSingle("submission-notices", true);

    Mono<Void> publish(Notice notice) {
        return Mono.fromRunnable(() -> {
            if (sink.currentSubscriberCount() == 0) {
                return;
            }
            Sinks.EmitResult result;
            do {
                result = sink.tryEmitNext(notice);
            } while (result == Sinks.EmitResult.FAIL_NON_SERIALIZED);
            if (result.isFailure()) {
                log.warn("Notice of submission {} not published in-process ({})", notice.submissionId(), result);
            }
        });
    }

    public Flux<Notice> notices() {
        return sink.asFlux().publishOn(delivery, 32);
    }

    @Override
    public void destroy() {
        delivery.dispose();
    }
}
