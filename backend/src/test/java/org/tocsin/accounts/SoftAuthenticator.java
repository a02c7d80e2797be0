package org.tocsin.accounts;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A passkey device in test code, doing what a phone or security key does: a P-256 key pair made with the
 * JDK, the client data a browser writes, authenticator data, a "none" attestation (encoded with
 * webauthn4j's CBOR converter) and ES256 signatures. Each call can be bent (another origin, challenge or
 * counter) to play an attacker or a cloned device.
 */
public final class SoftAuthenticator {

    /** Where the application under test says it is (its default {@code tocsin.public-url}). */
    public static final String ORIGIN = "http://localhost:8080";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectConverter CBOR = new ObjectConverter();

    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private long signCount;

    public SoftAuthenticator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    public String credentialId() {
        return B64.encodeToString(credentialId);
    }

    public long signCount() {
        return signCount;
    }

    /** The answer to {@code navigator.credentials.create(options)} on {@code origin}. */
    public Map<String, Object> create(JsonNode options, String origin) {
        String rpId = options.get("rp").get("id").asString();
        byte[] clientData =
                clientData("webauthn.create", options.get("challenge").asString(), origin);
        AttestedCredentialData attested = new AttestedCredentialData(
                AAGUID.ZERO,
                credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput> data =
                new AuthenticatorData<>(
                        sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                        (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT),
                        signCount,
                        attested);
        byte[] attestation = new AttestationObjectConverter(CBOR)
                .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("attestationObject", B64.encodeToString(attestation));
        return credential(response);
    }

    public Map<String, Object> create(JsonNode options) {
        return create(options, ORIGIN);
    }

    /** The answer to {@code navigator.credentials.get(options)}: the counter moves on by one first. */
    public Map<String, Object> get(JsonNode options) {
        return get(options, ORIGIN, options.get("challenge").asString(), ++signCount);
    }

    /** An answer with everything chosen: an origin, a challenge and a counter of the caller's. */
    public Map<String, Object> get(JsonNode options, String origin, String challenge, long count) {
        String rpId = options.get("rpId").asString();
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        byte[] data = new AuthenticatorDataConverter(CBOR)
                .convert(new AuthenticatorData<>(
                        sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                        (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV),
                        count));
        byte[] signed = new byte[data.length + 32];
        System.arraycopy(data, 0, signed, 0, data.length);
        System.arraycopy(sha256(clientData), 0, signed, data.length, 32);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("authenticatorData", B64.encodeToString(data));
        response.put("signature", B64.encodeToString(sign(signed)));
        return credential(response);
    }

    private Map<String, Object> credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", credentialId());
        credential.put("type", "public-key");
        credential.put("response", response);
        return credential;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                        + "\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
