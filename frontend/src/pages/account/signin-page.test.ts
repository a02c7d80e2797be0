import { describe, expect, it, vi } from 'vitest';
import './account-pages';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

freshPageEachTest();

describe('the sign-in page', () => {
  it('asks for the code after a right password on an account with two-factor sign-in', async () => {
    const calls = fakeFetch({
      'POST /api/v1/auth/login': () => ({
        status: 202,
        body: { secondFactorRequired: true, challenge: 'ch-1', expiresAt: '2030-01-01T00:00:00Z' },
      }),
      'POST /api/v1/auth/login/second-factor': () => ({
        status: 401,
        body: { type: '/problems/bad-second-factor', title: 'Sign-in failed', status: 401 },
      }),
    });
    const el = document.createElement('tocsin-signin-page');
    document.body.append(el);
    await until(() => !!el.querySelector('#signin-email'), 'the form');
    el.querySelector<HTMLInputElement>('#signin-email')!.value = 'ana@example.org';
    el.querySelector<HTMLInputElement>('#signin-password')!.value = 'a long enough passphrase';
    buttonWithText(el, 'Sign in')!.click();
    await until(() => !!el.querySelector('#signin-code'), 'the code step');
    expect(el.querySelector('#signin-password')).toBeNull();
    el.querySelector<HTMLInputElement>('#signin-code')!.value = '123 456';
    buttonWithText(el, 'Sign in')!.click();
    await until(() => !!el.querySelector('[role=alert]'), 'the refusal');
    expect(calls.find((c) => c.path === '/api/v1/auth/login/second-factor')!.body).toEqual({
      challenge: 'ch-1',
      code: '123 456',
    });
    expect(el.querySelector('[role=alert]')!.textContent).toContain('That code is wrong');
    buttonWithText(el, 'Start over')!.click();
    await until(() => !!el.querySelector('#signin-password'), 'the first step again');
  });

  it('offers a passkey when the account has one, and signs in with it', async () => {
    const calls = fakeFetch({
      'POST /api/v1/auth/login': () => ({
        status: 202,
        body: {
          secondFactorRequired: true,
          challenge: 'ch-2',
          expiresAt: '2030-01-01T00:00:00Z',
          methods: ['passkey'],
        },
      }),
      'POST /api/v1/auth/login/passkey/options': () => ({
        status: 200,
        body: { challenge: 'AQID', rpId: 'localhost', allowCredentials: [{ type: 'public-key', id: 'BwgJ' }] },
      }),
      'POST /api/v1/auth/login/passkey': () => ({ status: 200, body: { id: 'u1' } }),
    });
    const get = vi.fn(async () => ({
      rawId: new Uint8Array([7, 8, 9]).buffer,
      type: 'public-key',
      response: {
        clientDataJSON: new Uint8Array([123, 125]).buffer,
        authenticatorData: new Uint8Array([9]).buffer,
        signature: new Uint8Array([8]).buffer,
        userHandle: null,
      },
    }));
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    Object.defineProperty(navigator, 'credentials', { value: { get }, configurable: true });
    const el = document.createElement('tocsin-signin-page');
    document.body.append(el);
    await until(() => !!el.querySelector('#signin-email'), 'the form');
    el.querySelector<HTMLInputElement>('#signin-email')!.value = 'ana@example.org';
    el.querySelector<HTMLInputElement>('#signin-password')!.value = 'a long enough passphrase';
    buttonWithText(el, 'Sign in')!.click();
    await until(() => !!buttonWithText(el, 'Use a passkey'), 'the passkey step');
    // Only a passkey finishes this account's sign-in: no code field.
    expect(el.querySelector('#signin-code')).toBeNull();
    buttonWithText(el, 'Use a passkey')!.click();
    await until(() => calls.some((c) => c.path === '/api/v1/auth/login/passkey'), 'the answer sent');
    expect(calls.find((c) => c.path === '/api/v1/auth/login/passkey/options')!.body).toEqual({ challenge: 'ch-2' });
    expect(calls.find((c) => c.path === '/api/v1/auth/login/passkey')!.body).toEqual({
      challenge: 'ch-2',
      credential: {
        id: 'BwgJ',
        type: 'public-key',
        response: { clientDataJSON: 'e30', authenticatorData: 'CQ', signature: 'CA' },
      },
    });
    const options = (get.mock.calls[0] as unknown as [CredentialRequestOptions])[0].publicKey!;
    expect(options.rpId).toBe('localhost');
  });
});
