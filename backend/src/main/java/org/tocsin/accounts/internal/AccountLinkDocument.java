package org.tocsin.accounts.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A link mailed to a person (password reset, email verification). The id is the SHA-256 of the token in
 * the link; the token itself is never stored. Good once, until {@code expiresAt}.
 */
@Document("account_links")
public record AccountLinkDocument(@Id String id, String userId, Purpose purpose, Instant expiresAt) {

    public enum Purpose {
        PASSWORD_RESET,
        EMAIL_VERIFICATION
    }
}
