package org.tocsin.webhooks.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organization's webhook endpoint.
 *
 * @param secret the {@code whsec_} signing secret; kept (signing needs it), shown once, never listed
 * @param types the event types it receives ({@code event.created}, ...)
 * @param failingSince the first failed delivery since the last success; null while it works
 * @param disabledAt set when it was switched off for failing too long; deliveries stop until re-enabled
 */
@Document("webhook_endpoints")
public record WebhookEndpoint(
        @Id String id,
        String organizationId,
        String url,
        String description,
        String secret,
        List<String> types,
        String createdBy,
        Instant createdAt,
        Instant failingSince,
        Instant disabledAt) {}
