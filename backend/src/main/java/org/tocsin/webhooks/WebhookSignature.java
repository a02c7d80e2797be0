package org.tocsin.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tocsin.storage.Randomness;

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the secret is {@code whsec_} and base64 of
 * 32 random bytes; the signature is {@code v1,} and base64 of HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>} keyed with the secret's bytes.
 */
final class WebhookSignature {

    static final String PREFIX = "whsec_";

    private WebhookSignature() {}

    static String newSecret() {
        return PREFIX + Base64.getEncoder().encodeToString(Randomness.bytes(32));
    }

    static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
