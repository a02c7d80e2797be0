/**
 * Passkeys in the browser: the server's options (binary fields as base64url, WebAuthn's JSON form) turned into
 * what `navigator.credentials` takes, and its answer turned back into JSON for the server. Written out rather
 * than `PublicKeyCredential.parseCreationOptionsFromJSON`, which older browsers lack.
 */

/** The credential as the server reads it (the shape of `PublicKeyCredential.toJSON()`). */
export interface CredentialJson {
  id: string;
  type: string;
  response: {
    clientDataJSON: string;
    attestationObject?: string;
    authenticatorData?: string;
    signature?: string;
    userHandle?: string;
  };
}

interface Descriptor {
  type: 'public-key';
  id: string;
}

export interface CreationOptionsJson {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: 'public-key'; alg: number }[];
  timeout?: number;
  excludeCredentials?: Descriptor[];
  authenticatorSelection?: AuthenticatorSelectionCriteria;
  attestation?: AttestationConveyancePreference;
}

export interface RequestOptionsJson {
  challenge: string;
  rpId: string;
  timeout?: number;
  allowCredentials?: Descriptor[];
  userVerification?: UserVerificationRequirement;
}

export function toBase64url(buffer: ArrayBuffer | ArrayBufferView): string {
  const bytes =
    buffer instanceof ArrayBuffer
      ? new Uint8Array(buffer)
      : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether this browser can use passkeys at all (and the page is a secure context). */
export function passkeysSupported(): boolean {
  return typeof globalThis.PublicKeyCredential === 'function' && !!globalThis.navigator?.credentials;
}

function descriptors(list?: Descriptor[]): PublicKeyCredentialDescriptor[] | undefined {
  return list?.map((d) => ({ type: d.type, id: fromBase64url(d.id) }));
}

export function creationOptions(o: CreationOptionsJson): PublicKeyCredentialCreationOptions {
  return {
    challenge: fromBase64url(o.challenge),
    rp: o.rp,
    user: { ...o.user, id: fromBase64url(o.user.id) },
    pubKeyCredParams: o.pubKeyCredParams,
    timeout: o.timeout,
    excludeCredentials: descriptors(o.excludeCredentials),
    authenticatorSelection: o.authenticatorSelection,
    attestation: o.attestation,
  };
}

export function requestOptions(o: RequestOptionsJson): PublicKeyCredentialRequestOptions {
  return {
    challenge: fromBase64url(o.challenge),
    rpId: o.rpId,
    timeout: o.timeout,
    allowCredentials: descriptors(o.allowCredentials),
    userVerification: o.userVerification,
  };
}

/** The answer of `navigator.credentials.create` or `.get`, as JSON for the server. */
export function credentialJson(credential: PublicKeyCredential): CredentialJson {
  const r = credential.response as AuthenticatorResponse &
    Partial<AuthenticatorAttestationResponse & AuthenticatorAssertionResponse>;
  const response: CredentialJson['response'] = { clientDataJSON: toBase64url(r.clientDataJSON) };
  if (r.attestationObject) response.attestationObject = toBase64url(r.attestationObject);
  if (r.authenticatorData) response.authenticatorData = toBase64url(r.authenticatorData);
  if (r.signature) response.signature = toBase64url(r.signature);
  if (r.userHandle) response.userHandle = toBase64url(r.userHandle);
  return { id: toBase64url(credential.rawId), type: credential.type, response };
}

/** Asks the person's device for a new passkey; throws the browser's error (e.g. NotAllowedError when cancelled). */
export async function createPasskey(options: CreationOptionsJson): Promise<CredentialJson> {
  const credential = (await navigator.credentials.create({
    publicKey: creationOptions(options),
  })) as PublicKeyCredential;
  return credentialJson(credential);
}

/** Asks the person's device to sign in with one of the listed passkeys. */
export async function getPasskey(options: RequestOptionsJson): Promise<CredentialJson> {
  const credential = (await navigator.credentials.get({ publicKey: requestOptions(options) })) as PublicKeyCredential;
  return credentialJson(credential);
}
