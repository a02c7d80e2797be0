import { api } from './api';
import { getPasskey, passkeysSupported, type CredentialJson } from './webauthn';

/** What answers for the second factor when confirming again: the app's code, or a passkey's signature. */
export interface SecondFactorAnswer {
  code?: string;
  passkey?: CredentialJson;
}

/**
 * What may answer for the second factor, from a deletion preview: `code`, `passkey`, both or none. A server
 * that does not list them yet only says whether a code is asked.
 */
export function reconfirmMethods(preview: { secondFactorRequired: boolean; secondFactorMethods?: string[] }): string[] {
  return preview.secondFactorMethods ?? (preview.secondFactorRequired ? ['code'] : []);
}

/** Whether this page can offer "confirm with a passkey" for these methods. */
export function passkeyOffered(methods: string[]): boolean {
  return methods.includes('passkey') && passkeysSupported();
}

/**
 * The second factor's answer for an action confirmed again (deleting the account or an organization, removing a
 * passkey): the typed code when there is one; otherwise, when the account has passkeys, one of them signs a
 * challenge asked for now (the device asks the person); otherwise nothing, and the password stands alone.
 * Throws the browser's DOMException when the person cancels.
 */
export async function secondFactorAnswer(code: string, withPasskey: boolean): Promise<SecondFactorAnswer> {
  const typed = code.trim();
  if (typed) return { code: typed };
  if (!withPasskey) return {};
  return { passkey: await getPasskey(await api.reconfirmPasskeyOptions()) };
}
