package org.tocsin.calendars.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's capability URL for an organization's members-only feed. Only the SHA-256 of the token
 * is stored; one per (user, organization), replaced on rotation, deleted on revocation.
 */
@Document("feed_tokens")
public record FeedTokenDocument(@Id String id, String tokenHash, String userId, String organizationId,
        Instant createdAt) {
}
