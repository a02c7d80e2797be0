import { describe, expect, it } from 'vitest';
import { creationOptions, credentialJson, fromBase64url, requestOptions, toBase64url } from './webauthn';

describe('passkey conversions', () => {
  it('round-trips base64url without padding, with - and _', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00, 0x01]);
    const text = toBase64url(bytes);
    expect(text).toBe('-_-_AAE');
    expect([...fromBase64url(text)]).toEqual([...bytes]);
    expect([...fromBase64url('AA')]).toEqual([0]);
  });

  it('turns the server options into what navigator.credentials takes', () => {
    const create = creationOptions({
      challenge: 'AQID',
      rp: { id: 'localhost', name: 'Tocsin' },
      user: { id: 'BAUG', name: 'Ana', displayName: 'Ana' },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      excludeCredentials: [{ type: 'public-key', id: 'BwgJ' }],
      attestation: 'none',
    });
    expect([...(create.challenge as Uint8Array)]).toEqual([1, 2, 3]);
    expect([...(create.user.id as Uint8Array)]).toEqual([4, 5, 6]);
    expect([...(create.excludeCredentials![0].id as Uint8Array)]).toEqual([7, 8, 9]);
    const get = requestOptions({
      challenge: 'AQID',
      rpId: 'localhost',
      allowCredentials: [{ type: 'public-key', id: 'BwgJ' }],
    });
    expect(get.rpId).toBe('localhost');
    expect([...(get.allowCredentials![0].id as Uint8Array)]).toEqual([7, 8, 9]);
  });

  it('turns the device answer into JSON for the server', () => {
    const buffer = (...b: number[]) => new Uint8Array(b).buffer;
    const json = credentialJson({
      rawId: buffer(1, 2, 3),
      type: 'public-key',
      response: {
        clientDataJSON: buffer(123, 125),
        authenticatorData: buffer(9),
        signature: buffer(8),
        userHandle: null,
      },
    } as unknown as PublicKeyCredential);
    expect(json).toEqual({
      id: 'AQID',
      type: 'public-key',
      response: { clientDataJSON: 'e30', authenticatorData: 'CQ', signature: 'CA' },
    });
  });
});
