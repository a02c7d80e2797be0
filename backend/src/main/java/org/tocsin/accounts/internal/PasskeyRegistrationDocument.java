package org.tocsin.accounts.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A passkey being added: the challenge (base64url) the browser must sign, one per account (the id is
 * the user id; asking again replaces it), good once and for minutes.
 */
@Document("passkey_registrations")
public record PasskeyRegistrationDocument(@Id String id, String challenge, String userHandle, Instant expiresAt) {}
