package org.tocsin.accounts.internal;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One passkey (a WebAuthn credential) a person added as a second factor. {@code credentialId} is the
 * authenticator's id for it (base64url), {@code publicKey} its COSE public key: nothing secret is held
 * here, a copy of this document signs no one in. {@code userHandle} is random, the same for all of an
 * account's passkeys, and never the email. {@code signCount} is the authenticator's counter at its last
 * use, so a cloned authenticator shows. Dates are days: when exactly a device was used is not kept.
 */
@Document("passkeys")
public record PasskeyDocument(
        @Id String id,
        String userId,
        String credentialId,
        byte[] publicKey,
        String userHandle,
        long signCount,
        String name,
        LocalDate createdOn,
        LocalDate lastUsedOn) {}
