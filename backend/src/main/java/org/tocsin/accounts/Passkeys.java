package org.tocsin.accounts;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.internal.PasskeyDocument;
import org.tocsin.accounts.internal.PasskeyReconfirmationDocument;
import org.tocsin.accounts.internal.PasskeyRegistrationDocument;
import org.tocsin.accounts.internal.PasskeyStore;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.kernel.Refusal;
import org.tocsin.storage.Ids;
import org.tocsin.storage.Randomness;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Passkeys (WebAuthn credentials) as a second factor, next to the authenticator app ({@link TwoFactor}).
 * The browser and the person's device do the cryptography; this checks their answers with webauthn4j's
 * core, a plain library call with no servlet filter (so it fits this reactive service), run on the
 * calling thread because it is a few microseconds of CPU. What is kept of a passkey is public: its id,
 * its public key and its counter. A passkey is bound to this site's origin ({@code tocsin.public-url}):
 * a phishing page on another address cannot get an answer that verifies here.
 */
@Service
public class Passkeys {

    static final int MAX_PER_ACCOUNT = 10;
    static final int MAX_NAME = 60;
    static final Duration REGISTRATION_LIFETIME = Duration.ofMinutes(5);
    /** What a browser is told to wait for the person (ms); the server's challenge outlives it. */
    static final long TIMEOUT_MILLIS = 180_000;

    private static final Logger log = LoggerFactory.getLogger(Passkeys.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final Pattern BASE64URL_TEXT = Pattern.compile("^[A-Za-z0-9_-]*={0,2}$");
    /** ES256 first (every platform authenticator), then EdDSA and RS256 (Windows Hello's keys). */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final PasskeyStore store;
    private final AccountService accounts;
    private final AccountMails mails;
    private final Origin origin;
    private final String rpId;
    private final WebAuthnManager webAuthn;
    private final AttestedCredentialDataConverter credentialData;

    Passkeys(PasskeyStore store, AccountService accounts, AccountMails mails, PublicUrl publicUrl) {
        this.store = store;
        this.accounts = accounts;
        this.mails = mails;
        this.origin = new Origin(publicUrl.base());
        this.rpId = publicUrl.host();
        ObjectConverter converter = new ObjectConverter();
        // "none" attestation only: which maker built the device is not asked, so nothing is trusted from it.
        this.webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);
        this.credentialData = new AttestedCredentialDataConverter(converter);
    }

    /** A passkey as its owner sees it; never its key. */
    record Info(String id, String name, LocalDate createdOn, LocalDate lastUsedOn) {
        static Info of(PasskeyDocument d) {
            return new Info(d.id(), d.name(), d.createdOn(), d.lastUsedOn());
        }
    }

    Flux<Info> list(String userId) {
        return store.of(userId).map(Info::of);
    }

    /**
     * The options for {@code navigator.credentials.create}: a new challenge (kept, good once, for minutes),
     * the account's random handle and its passkeys so far (not to be added twice). Refused at the limit.
     */
    Mono<Map<String, Object>> registrationOptions(CurrentUser user) {
        return store.of(user.id()).collectList().flatMap(existing -> {
            if (existing.size() >= MAX_PER_ACCOUNT) {
                return Mono.error(tooMany());
            }
            String handle = existing.isEmpty()
                    ? BASE64URL.encodeToString(Randomness.bytes(32))
                    : existing.getFirst().userHandle();
            String challenge = BASE64URL.encodeToString(Randomness.bytes(32));
            return store.startRegistration(new PasskeyRegistrationDocument(
                            user.id(), challenge, handle, accounts.now().plus(REGISTRATION_LIFETIME)))
                    .thenReturn(Map.of(
                            "challenge", challenge,
                            "rp", Map.of("id", rpId, "name", "Tocsin"),
                            // The name the device shows in its list of passkeys: the display name, not the
                            // address, so a seized phone shows no more than the person chose to be called.
                            "user", Map.of("id", handle, "name", user.displayName(), "displayName", user.displayName()),
                            "pubKeyCredParams",
                                    ALGORITHMS.stream()
                                            .map(p -> Map.of(
                                                    "type",
                                                    "public-key",
                                                    "alg",
                                                    p.getAlg().getValue()))
                                            .toList(),
                            "timeout", TIMEOUT_MILLIS,
                            "excludeCredentials", descriptors(existing),
                            "authenticatorSelection",
                                    Map.of("residentKey", "preferred", "userVerification", "preferred"),
                            "attestation", "none"));
        });
    }

    /** Checks the browser's answer to the pending registration and keeps the passkey; mails the account. */
    Mono<Info> register(CurrentUser user, String name, PasskeyCredential credential) {
        return Mono.defer(() -> registerChecked(user, name, credential));
    }

    private Mono<Info> registerChecked(CurrentUser user, String name, PasskeyCredential credential) {
        byte[] clientData = decode(
                "credential.response.clientDataJSON", credential.response().clientDataJSON());
        byte[] attestation = decode(
                "credential.response.attestationObject", credential.response().attestationObject());
        return store.takeRegistration(user.id(), accounts.now())
                .switchIfEmpty(Mono.error(TwoFactor.badCode(
                        "credential", "answers no passkey request of this account, or it took too long")))
                .flatMap(pending -> {
                    RegistrationData data;
                    try {
                        data = webAuthn.verify(
                                new RegistrationRequest(attestation, clientData),
                                new RegistrationParameters(property(pending.challenge()), ALGORITHMS, false, true));
                    } catch (DataConversionException e) {
                        return Mono.error(unreadable());
                    } catch (VerificationException e) {
                        return Mono.error(TwoFactor.badCode("credential", "was not made for this request or site"));
                    }
                    AttestedCredentialData attested =
                            data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
                    String credentialId = BASE64URL.encodeToString(attested.getCredentialId());
                    LocalDate today = today();
                    PasskeyDocument passkey = new PasskeyDocument(
                            Ids.newId(),
                            user.id(),
                            credentialId,
                            coseKey(attested),
                            pending.userHandle(),
                            data.getAttestationObject().getAuthenticatorData().getSignCount(),
                            name.strip(),
                            today,
                            null);
                    return Mono.zip(store.count(user.id()), store.credentialTaken(credentialId))
                            .flatMap(t -> t.getT1() >= MAX_PER_ACCOUNT
                                    ? Mono.error(tooMany())
                                    : t.getT2()
                                            ? Mono.error(Refusal.of(
                                                    Refusal.Reason.CONFLICT, "This passkey was added already"))
                                            : store.insert(passkey));
                })
                .flatMap(saved -> mails.passkeyAdded(user, saved.name()).thenReturn(Info.of(saved)));
    }

    /** Removes one of the account's passkeys (the caller reconfirmed first); mails the account. */
    Mono<Void> remove(CurrentUser user, String id) {
        return store.delete(user.id(), id)
                .switchIfEmpty(Mono.error(Refusal.notFound("Passkey")))
                .flatMap(removed -> mails.passkeyRemoved(user, removed.name()));
    }

    /**
     * The options for {@code navigator.credentials.get} that finish a half-done sign-in ({@code
     * signInChallengeId}, the hash of its challenge) of {@code userId}: a new challenge kept on it, and the
     * account's passkeys. Empty when the sign-in is over.
     */
    Mono<Map<String, Object>> signInOptions(String userId, String signInChallengeId) {
        String challenge = BASE64URL.encodeToString(Randomness.bytes(32));
        return store.setSignInChallenge(signInChallengeId, challenge, accounts.now())
                .filter(set -> set)
                .flatMap(set -> store.of(userId).collectList())
                .map(passkeys -> requestOptions(challenge, passkeys));
    }

    private Map<String, Object> requestOptions(String challenge, List<PasskeyDocument> passkeys) {
        return Map.of(
                "challenge", challenge,
                "rpId", rpId,
                "timeout", TIMEOUT_MILLIS,
                "allowCredentials", descriptors(passkeys),
                "userVerification", "preferred");
    }

    /**
     * The options for {@code navigator.credentials.get} with which a signed-in person confirms, again, before
     * something that cannot be undone ({@link Reconfirmation}): a new challenge kept for this account (good once,
     * for minutes; asking again replaces it) and the account's passkeys. Refused when it has none.
     */
    Mono<Map<String, Object>> reconfirmationOptions(CurrentUser user) {
        return store.of(user.id()).collectList().flatMap(passkeys -> {
            if (passkeys.isEmpty()) {
                return Mono.error(Refusal.of(Refusal.Reason.CONFLICT, "Your account has no passkey to confirm with"));
            }
            String challenge = BASE64URL.encodeToString(Randomness.bytes(32));
            return store.startReconfirmation(new PasskeyReconfirmationDocument(
                            user.id(), challenge, accounts.now().plus(REGISTRATION_LIFETIME)))
                    .thenReturn(requestOptions(challenge, passkeys));
        });
    }

    /**
     * True when {@code credential} is one of {@code userId}'s passkeys signing this account's pending
     * reconfirmation challenge, checked exactly as a sign-in is; the challenge is spent whatever the answer.
     */
    Mono<Boolean> verifyReconfirmation(String userId, PasskeyCredential credential) {
        return store.takeReconfirmation(userId, accounts.now())
                .flatMap(challenge -> store.find(userId, credential.id())
                        .flatMap(passkey -> verified(passkey, challenge, credential)))
                .defaultIfEmpty(false);
    }

    /**
     * True when {@code credential} is one of {@code userId}'s passkeys signing the challenge of this
     * sign-in for this site, with its counter ahead of the last use (when the device keeps one). The
     * challenge is spent whatever the answer. Anything else, however malformed, is simply false.
     */
    Mono<Boolean> verifySignIn(String userId, String signInChallengeId, PasskeyCredential credential) {
        return store.takeSignInChallenge(signInChallengeId, accounts.now())
                .flatMap(challenge -> store.find(userId, credential.id())
                        .flatMap(passkey -> verified(passkey, challenge, credential)))
                .defaultIfEmpty(false);
    }

    private Mono<Boolean> verified(PasskeyDocument passkey, String challenge, PasskeyCredential credential) {
        AuthenticationData data;
        try {
            PasskeyCredential.Response r = credential.response();
            data = webAuthn.verify(
                    new AuthenticationRequest(
                            BASE64URL_DECODER.decode(passkey.credentialId()),
                            r.userHandle() == null || r.userHandle().isEmpty()
                                    ? null
                                    : decode("userHandle", r.userHandle()),
                            decode("authenticatorData", r.authenticatorData()),
                            decode("clientDataJSON", r.clientDataJSON()),
                            decode("signature", r.signature())),
                    new AuthenticationParameters(
                            property(challenge),
                            record(passkey),
                            List.of(BASE64URL_DECODER.decode(passkey.credentialId())),
                            false,
                            true));
        } catch (DataConversionException | VerificationException | Refusal e) {
            log.debug("Passkey sign-in refused: {}", e.toString());
            return Mono.just(false);
        }
        // A device that names the account must name this one (the handle is the same for all its passkeys).
        if (data.getUserHandle() != null
                && !java.security.MessageDigest.isEqual(
                        data.getUserHandle(), BASE64URL_DECODER.decode(passkey.userHandle()))) {
            return Mono.just(false);
        }
        long count = data.getAuthenticatorData().getSignCount();
        // webauthn4j refuses a counter that did not move ahead as well; said here too, as it is the rule.
        if ((count != 0 || passkey.signCount() != 0) && count <= passkey.signCount()) {
            return Mono.just(false);
        }
        return store.used(passkey.id(), passkey.signCount(), count, today());
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
    void sweepExpiredRegistrations() {
        store.deleteExpiredRegistrations(accounts.now())
                .subscribe(null, e -> log.warn("Expired passkey requests not swept: {}", e.toString()));
    }

    private ServerProperty property(String challenge) {
        return ServerProperty.builder()
                .origin(origin)
                .rpId(rpId)
                .challenge(new DefaultChallenge(BASE64URL_DECODER.decode(challenge)))
                .build();
    }

    /** The stored passkey as webauthn4j reads it: its key and counter; the rest is not kept ("none"). */
    private CredentialRecord record(PasskeyDocument passkey) {
        byte[] id = BASE64URL_DECODER.decode(passkey.credentialId());
        // Attested credential data is AAGUID (16 bytes) + id length (2) + id + COSE key: rebuilt from what is
        // kept, so the library's own parser reads the key.
        ByteBuffer bytes = ByteBuffer.allocate(16 + 2 + id.length + passkey.publicKey().length);
        bytes.put(new byte[16]).putShort((short) id.length).put(id).put(passkey.publicKey());
        AttestedCredentialData attested = credentialData.convert(bytes.array());
        return new CredentialRecordImpl(
                new NoneAttestationStatement(),
                null,
                null,
                null,
                passkey.signCount(),
                attested,
                null,
                null,
                null,
                null);
    }

    private byte[] coseKey(AttestedCredentialData attested) {
        byte[] all = credentialData.convert(attested);
        int idLength = attested.getCredentialId().length;
        byte[] key = new byte[all.length - 18 - idLength];
        System.arraycopy(all, 18 + idLength, key, 0, key.length);
        return key;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(accounts.now(), ZoneOffset.UTC);
    }

    private static List<Map<String, String>> descriptors(List<PasskeyDocument> passkeys) {
        return passkeys.stream()
                .map(p -> Map.of("type", "public-key", "id", p.credentialId()))
                .toList();
    }

    /** Refuses a credential whose fields are not base64url, before anything is looked up or spent. */
    static void checkWellFormed(PasskeyCredential credential, boolean registration) {
        if (credential.id() == null || !BASE64URL_TEXT.matcher(credential.id()).matches()) {
            throw Refusal.invalid("credential.id", "is not base64url");
        }
        if (credential.type() != null && !credential.type().equals("public-key")) {
            throw Refusal.invalid("credential.type", "must be public-key");
        }
        PasskeyCredential.Response r = credential.response();
        if (registration) {
            decode("credential.response.clientDataJSON", r.clientDataJSON());
            decode("credential.response.attestationObject", r.attestationObject());
        } else {
            decode("credential.response.clientDataJSON", r.clientDataJSON());
            decode("credential.response.authenticatorData", r.authenticatorData());
            decode("credential.response.signature", r.signature());
            if (r.userHandle() != null && !r.userHandle().isEmpty()) {
                decode("credential.response.userHandle", r.userHandle());
            }
        }
    }

    /** Base64url as WebAuthn's JSON carries it; anything else is a bad field, before anything is looked up. */
    static byte[] decode(String field, String text) {
        if (text == null || text.isEmpty() || !BASE64URL_TEXT.matcher(text).matches()) {
            throw Refusal.invalid(field, "is not base64url");
        }
        try {
            return BASE64URL_DECODER.decode(text.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(field, "is not base64url");
        }
    }

    private static Refusal tooMany() {
        return Refusal.of(
                Refusal.Reason.CONFLICT, "An account holds at most " + MAX_PER_ACCOUNT + " passkeys: remove one first");
    }

    private static Refusal unreadable() {
        return Refusal.invalid("credential", "is not a passkey answer this server can read");
    }
}
