package org.tocsin.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A {@code PublicKeyCredential} as the browser's {@code toJSON()} writes it, every binary field base64url.
 * Registration fills {@code attestationObject}; sign-in {@code authenticatorData}, {@code signature} and
 * maybe {@code userHandle} (also the answer that reconfirms an account, {@link Reconfirmation}). Bounded: real answers are a few hundred bytes to a few kilobytes.
 */
public record PasskeyCredential(
        @NotBlank @Size(max = 1400) String id,
        @Size(max = 40) String type,
        @NotNull @Valid Response response) {

    public record Response(
            @NotBlank @Size(max = 4096) String clientDataJSON,
            @Size(max = 16384) String attestationObject,
            @Size(max = 4096) String authenticatorData,
            @Size(max = 1024) String signature,
            @Size(max = 100) String userHandle) {}
}
