package org.tocsin.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tocsin.coalitions.SubmissionNotices;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code submission.received} and {@code submission.decided}, for the organization whose campaign it is: which
 * event, from which organization, in which state. Not who submitted or decided, nor a decline's reason (the
 * review queue shows those to the campaign's reviewers).
 */
@Component
class SubmissionWebhooks implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SubmissionWebhooks.class);

    private final SubmissionNotices notices;
    private final OrganizationService organizations;
    private final WebhookSender sender;
    private final JsonMapper json;

    SubmissionWebhooks(
            SubmissionNotices notices, OrganizationService organizations, WebhookSender sender, JsonMapper json) {
        this.notices = notices;
        this.organizations = organizations;
        this.sender = sender;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        notices.notices()
                .concatMap(n -> queue(n).onErrorResume(e -> {
                    log.warn(
                            "Webhooks for submission {} not queued ({})",
                            n.submissionId(),
                            e.getClass().getName());
                    return Mono.empty();
                }))
                .subscribe(
                        null,
                        e -> log.error(
                                "Submission webhook listener stopped ({})",
                                e.getClass().getName()));
    }

    private Mono<Void> queue(SubmissionNotices.Notice n) {
        String type = n.kind() == SubmissionNotices.Kind.RECEIVED
                ? WebhookTypes.SUBMISSION_RECEIVED
                : WebhookTypes.SUBMISSION_DECIDED;
        return organizations
                .findById(n.organizationId())
                .map(OrganizationRef::slug)
                .defaultIfEmpty("")
                .flatMap(submitter -> sender.enqueue(
                        n.campaignOrganizationId(),
                        type,
                        "submission:" + n.submissionId(),
                        (organization, now) -> payload(type, now, n, submitter)));
    }

    private String payload(String type, Instant at, SubmissionNotices.Notice n, String submitter) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", n.submissionId());
        data.put("campaign", n.campaignSlug());
        data.put("event", n.eventId());
        data.put("organization", submitter.isEmpty() ? null : submitter);
        data.put("state", n.state().name());
        data.put("changedAt", n.at() == null ? null : n.at().toString());
        data.put("href", "/api/v1/campaigns/" + n.campaignSlug() + "/submissions");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type);
        envelope.put("timestamp", at.toString());
        envelope.put("data", data);
        return json.writeValueAsString(envelope);
    }
}
