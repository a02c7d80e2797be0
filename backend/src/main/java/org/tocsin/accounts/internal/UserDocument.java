package org.tocsin.accounts.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's account. Only what sign-in needs: no phone, no address, no real name required.
 * {@code emailVerifiedAt} is null until the person opened the link mailed to {@code email}.
 */
@Document("users")
public record UserDocument(
        @Id String id,
        String email,
        String passwordHash,
        String displayName,
        Instant createdAt,
        Instant passwordChangedAt,
        Instant emailVerifiedAt) {}
