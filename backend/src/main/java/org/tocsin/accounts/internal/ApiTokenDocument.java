package org.tocsin.accounts.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A personal API token; {@code tokenHash} is the SHA-256 of the secret shown once at creation. */
@Document("api_tokens")
public record ApiTokenDocument(
        @Id String id, String userId, String name, String tokenHash, Instant createdAt, Instant lastUsedAt) {}
