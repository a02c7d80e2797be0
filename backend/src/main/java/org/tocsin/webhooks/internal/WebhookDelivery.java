package org.tocsin.webhooks.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tocsin.storage.Ids;

/**
 * One message to one endpoint, and its log. Kept after delivery (for the admins' log and replays) until
 * the retention cleanup.
 *
 * @param messageId the {@code webhook-id}: the same for a replay of the same message, so receivers can dedupe
 * @param orderKey endpoint and event: a delivery waits while an earlier one with the same key is pending
 * @param seq the order in which messages were made (strictly increasing per replica)
 * @param dueAt PENDING: when to try next; SENDING: when the lease ends
 * @param lastStatus the HTTP status of the last attempt, 0 when there was no answer
 * @param lastError why the last attempt failed, in words safe to show (no internal addresses)
 */
@Document("webhook_deliveries")
public record WebhookDelivery(
        @Id String id,
        String endpointId,
        String organizationId,
        String messageId,
        String type,
        String orderKey,
        long seq,
        String payload,
        State state,
        Instant createdAt,
        Instant dueAt,
        String claim,
        int attempts,
        int lastStatus,
        String lastError,
        Long latencyMillis,
        Instant finishedAt) {

    /** A message waiting for its first attempt, due now. */
    public static WebhookDelivery pending(
            String endpointId,
            String organizationId,
            String messageId,
            String type,
            String orderKey,
            long seq,
            String payload,
            Instant now) {
        return new WebhookDelivery(
                Ids.newId(),
                endpointId,
                organizationId,
                messageId,
                type,
                orderKey,
                seq,
                payload,
                State.PENDING,
                now,
                now,
                null,
                0,
                0,
                null,
                null,
                null);
    }

    public enum State {
        PENDING,
        SENDING,
        DELIVERED,
        FAILED
    }
}
