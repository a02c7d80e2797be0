package org.tocsin.accounts.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A browser session, kept in MongoDB so that any replica can serve any request.
 * The id is the SHA-256 of the cookie value; the cookie value itself is never stored. {@code device} is a
 * browser and system family ("Firefox on Android"), for the person's own list of sessions; no address.
 */
@Document("sessions")
public record SessionDocument(
        @Id String id, String userId, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String device) {}
