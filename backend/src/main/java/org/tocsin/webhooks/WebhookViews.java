package org.tocsin.webhooks;

import java.time.Instant;
import java.util.List;
import org.tocsin.webhooks.internal.WebhookDelivery;
import org.tocsin.webhooks.internal.WebhookEndpoint;

/** Endpoints and deliveries as the organization's admins see them; the secret appears once, on creation. */
final class WebhookViews {

    private WebhookViews() {}

    record Endpoint(
            String id,
            String url,
            String description,
            List<String> types,
            Instant createdAt,
            Instant failingSince,
            Instant disabledAt,
            String secret) {

        static Endpoint of(WebhookEndpoint e, boolean withSecret) {
            return new Endpoint(
                    e.id(),
                    e.url(),
                    e.description(),
                    e.types(),
                    e.createdAt(),
                    e.failingSince(),
                    e.disabledAt(),
                    withSecret ? e.secret() : null);
        }
    }

    record Delivery(
            String id,
            String messageId,
            String type,
            String state,
            int attempts,
            int lastStatus,
            String lastError,
            Long latencyMillis,
            Instant createdAt,
            Instant finishedAt,
            String payload) {

        static Delivery of(WebhookDelivery d) {
            return new Delivery(
                    d.id(),
                    d.messageId(),
                    d.type(),
                    d.state().name(),
                    d.attempts(),
                    d.lastStatus(),
                    d.lastError(),
                    d.latencyMillis(),
                    d.createdAt(),
                    d.finishedAt(),
                    d.payload());
        }
    }
}
