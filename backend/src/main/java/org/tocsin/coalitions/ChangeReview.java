package org.tocsin.coalitions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tocsin.events.CampaignLinks;
import reactor.core.Disposable;

/**
 * Follows this replica's event changes: an approved submission whose time or place changed goes back
 * to review when its campaign asks for it (see {@link SubmissionService#rescheduled}). One change at a
 * time, so two quick edits of one event cannot both move it.
 */
@Component
class ChangeReview implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChangeReview.class);

    private final CampaignLinks links;
    private final SubmissionService submissions;
    private Disposable subscription;

    ChangeReview(CampaignLinks links, SubmissionService submissions) {
        this.links = links;
        this.submissions = submissions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        subscription = links.rescheduled()
                .concatMap(id -> submissions.rescheduled(id).onErrorResume(e -> {
                    log.warn("Review of a changed event {} failed: {}", id, e.toString());
                    return reactor.core.publisher.Mono.empty();
                }))
                .subscribe(done -> {}, e -> log.error("Stopped following event changes for campaign review", e));
    }

    @Override
    public void destroy() {
        if (subscription != null) {
            subscription.dispose();
        }
    }
}
