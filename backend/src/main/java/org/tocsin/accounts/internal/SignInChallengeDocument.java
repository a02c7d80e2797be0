package org.tocsin.accounts.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A sign-in halfway through: the password was right and the second factor is awaited. The id is the
 * SHA-256 of the random challenge handed to the client; it lasts minutes and takes a few attempts.
 * {@code passkeyChallenge} is what a passkey must sign to finish it (base64url), once asked for; used once.
 */
@Document("sign_in_challenges")
public record SignInChallengeDocument(
        @Id String id, String userId, Instant expiresAt, int attempts, String passkeyChallenge) {}
