package org.tocsin.accounts.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's second factor, one document per account (the id is the user id). {@code secret} is the
 * TOTP key (base32) once confirmed, {@code pendingSecret} one shown for enrolment and not yet
 * confirmed; neither is ever sent to anyone after enrolment. {@code lastUsedStep} is the TOTP time step
 * of the last code accepted, so a code is good once. {@code recoveryCodes} holds SHA-256 hashes only.
 */
@Document("two_factor")
public record TwoFactorDocument(
        @Id String id,
        String secret,
        String pendingSecret,
        Instant enabledAt,
        long lastUsedStep,
        List<String> recoveryCodes) {

    public boolean enabled() {
        return secret != null;
    }
}
