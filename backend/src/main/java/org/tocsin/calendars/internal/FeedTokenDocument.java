package org.tocsin.calendars.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's capability URL for an organization's members-only feed. Only the SHA-256 of the token
 * is stored; one per (user, organization), replaced on rotation, deleted on revocation. It is bound to
 * the membership it was made in ({@code membershipId}): someone removed and added again has a new
 * membership, and the old URL stays dead. Tokens stored before the binding have none (null); they are
 * held to the membership that was current when they were made (see CalendarService#organizationOfToken).
 * Platform admins who are not members get tokens with none either.
 */
@Document("feed_tokens")
public record FeedTokenDocument(
        @Id String id,
        String tokenHash,
        String userId,
        String organizationId,
        String membershipId,
        Instant createdAt) {}
