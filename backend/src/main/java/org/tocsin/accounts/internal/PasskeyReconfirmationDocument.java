package org.tocsin.accounts.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed-in person about to confirm, with a passkey, something that cannot be undone: the challenge
 * (base64url) one of their passkeys must sign. One per account (the id is the user id; asking again replaces
 * it), good once and for minutes.
 */
@Document("passkey_reconfirmations")
public record PasskeyReconfirmationDocument(@Id String id, String challenge, Instant expiresAt) {}
