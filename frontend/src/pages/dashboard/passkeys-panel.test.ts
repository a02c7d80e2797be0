import { describe, expect, it, vi } from 'vitest';
import './passkeys-panel';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

function mount() {
  const el = document.createElement('tocsin-passkeys-panel');
  document.body.append(el);
  return el;
}

/** A browser that has passkeys, whose device answers `create` with a fixed credential. */
function fakeDevice(create: () => Promise<unknown>, get: () => Promise<unknown> = async () => null) {
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
  Object.defineProperty(navigator, 'credentials', { value: { create, get }, configurable: true });
}

/** What a device answers to `navigator.credentials.get`. */
const assertion = {
  rawId: new Uint8Array([1, 2, 3]).buffer,
  type: 'public-key',
  response: {
    clientDataJSON: new Uint8Array([123, 125]).buffer,
    authenticatorData: new Uint8Array([5]).buffer,
    signature: new Uint8Array([6]).buffer,
    userHandle: null,
  },
};

const reconfirmOptions = () => ({
  status: 200,
  body: { challenge: 'CQkJ', rpId: 'localhost', allowCredentials: [{ type: 'public-key', id: 'AQID' }] },
});

freshPageEachTest();

describe('the passkeys panel', () => {
  it('adds a passkey with the password and the device, then lists it', async () => {
    const list: unknown[] = [];
    const calls = fakeFetch({
      'GET /api/v1/me/passkeys': () => ({ status: 200, body: list }),
      'POST /api/v1/me/passkeys/options': () => ({
        status: 200,
        body: {
          challenge: 'AQID',
          rp: { id: 'localhost', name: 'Tocsin' },
          user: { id: 'BAUG', name: 'Ana', displayName: 'Ana' },
          pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
          excludeCredentials: [],
          attestation: 'none',
        },
      }),
      'POST /api/v1/me/passkeys': (body) => {
        const saved = { id: 'p1', name: (body as { name: string }).name, createdOn: '2026-12-02', lastUsedOn: null };
        list.push(saved);
        return { status: 201, body: saved };
      },
    });
    const create = vi.fn(async () => ({
      rawId: new Uint8Array([1, 2, 3]).buffer,
      type: 'public-key',
      response: { clientDataJSON: new Uint8Array([123, 125]).buffer, attestationObject: new Uint8Array([160]).buffer },
    }));
    fakeDevice(create);
    const el = mount();
    await until(() => el.textContent!.includes('No passkeys yet'), 'the empty list');
    el.querySelector<HTMLInputElement>('#passkey-name')!.value = ' Phone ';
    el.querySelector<HTMLInputElement>('#passkey-password')!.value = 'a long enough passphrase';
    el.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await until(() => !!el.querySelector('ul.passkeys'), 'the list');
    expect(calls.find((c) => c.path === '/api/v1/me/passkeys/options')!.body).toEqual({
      password: 'a long enough passphrase',
    });
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/me/passkeys')!.body).toEqual({
      name: 'Phone',
      credential: { id: 'AQID', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'oA' } },
    });
    const options = (create.mock.calls[0] as unknown as [CredentialCreationOptions])[0].publicKey!;
    expect([...(options.challenge as Uint8Array)]).toEqual([1, 2, 3]);
    expect(el.querySelector('ul.passkeys')!.textContent).toContain('Phone');
    expect(el.querySelector('[role=status]')!.textContent).toContain('Passkey “Phone” added');
  });

  it('removes one with the password and, no code typed, a passkey confirming it', async () => {
    let list = [{ id: 'p1', name: 'Laptop', createdOn: '2026-12-01', lastUsedOn: '2026-12-02' }];
    const calls = fakeFetch({
      'GET /api/v1/me/passkeys': () => ({ status: 200, body: list }),
      'POST /api/v1/me/reconfirm/passkey-options': reconfirmOptions,
      'DELETE /api/v1/me/passkeys/p1': () => {
        list = [];
        return { status: 204 };
      },
    });
    const get = vi.fn(async () => assertion);
    fakeDevice(async () => null, get);
    const el = mount();
    await until(() => !!el.querySelector('ul.passkeys'), 'the list');
    expect(el.textContent).toContain('last used');
    buttonWithText(el, 'Remove')!.click();
    await until(() => !!el.querySelector('#passkey-remove-password'), 'the password field');
    el.querySelector<HTMLInputElement>('#passkey-remove-password')!.value = 'a long enough passphrase';
    el.querySelector<HTMLInputElement>('#passkey-remove-password')!.form!.requestSubmit();
    await until(() => el.textContent!.includes('No passkeys yet'), 'the empty list');
    expect(calls.find((c) => c.method === 'DELETE')!.body).toEqual({
      password: 'a long enough passphrase',
      passkey: {
        id: 'AQID',
        type: 'public-key',
        response: { clientDataJSON: 'e30', authenticatorData: 'BQ', signature: 'Bg' },
      },
    });
    const options = (get.mock.calls[0] as unknown as [CredentialRequestOptions])[0].publicKey!;
    expect([...(options.challenge as Uint8Array)]).toEqual([9, 9, 9]);
  });

  it('sends the app’s code when one is typed, and asks no device', async () => {
    const calls = fakeFetch({
      'GET /api/v1/me/passkeys': () => ({
        status: 200,
        body: [{ id: 'p1', name: 'Laptop', createdOn: '2026-12-01', lastUsedOn: null }],
      }),
      'DELETE /api/v1/me/passkeys/p1': () => ({ status: 204 }),
    });
    const get = vi.fn(async () => assertion);
    fakeDevice(async () => null, get);
    const el = mount();
    await until(() => !!el.querySelector('ul.passkeys'), 'the list');
    buttonWithText(el, 'Remove')!.click();
    await until(() => !!el.querySelector('#passkey-remove-code'), 'the code field');
    expect(el.textContent).toContain('Leave it empty to confirm with one of your passkeys');
    el.querySelector<HTMLInputElement>('#passkey-remove-password')!.value = 'a long enough passphrase';
    el.querySelector<HTMLInputElement>('#passkey-remove-code')!.value = ' 123 456 ';
    el.querySelector<HTMLInputElement>('#passkey-remove-password')!.form!.requestSubmit();
    await until(() => calls.some((c) => c.method === 'DELETE'), 'the removal');
    expect(calls.find((c) => c.method === 'DELETE')!.body).toEqual({
      password: 'a long enough passphrase',
      code: '123 456',
    });
    expect(get).not.toHaveBeenCalled();
  });

  it('keeps the passkey and says so when the person cancels the confirmation', async () => {
    const calls = fakeFetch({
      'GET /api/v1/me/passkeys': () => ({
        status: 200,
        body: [{ id: 'p1', name: 'Laptop', createdOn: '2026-12-01', lastUsedOn: null }],
      }),
      'POST /api/v1/me/reconfirm/passkey-options': reconfirmOptions,
    });
    fakeDevice(
      async () => null,
      async () => {
        throw new DOMException('cancelled', 'NotAllowedError');
      },
    );
    const el = mount();
    await until(() => !!el.querySelector('ul.passkeys'), 'the list');
    buttonWithText(el, 'Remove')!.click();
    await until(() => !!el.querySelector('#passkey-remove-password'), 'the password field');
    el.querySelector<HTMLInputElement>('#passkey-remove-password')!.value = 'a long enough passphrase';
    el.querySelector<HTMLInputElement>('#passkey-remove-password')!.form!.requestSubmit();
    await until(() => !!el.querySelector('[role=alert]'), 'the error');
    expect(el.querySelector('[role=alert]')!.textContent).toContain('No passkey confirmed it');
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
  });

  it('says so when the person cancels on the device, and adds nothing', async () => {
    const calls = fakeFetch({
      'GET /api/v1/me/passkeys': () => ({ status: 200, body: [] }),
      'POST /api/v1/me/passkeys/options': () => ({
        status: 200,
        body: {
          challenge: 'AQID',
          rp: { id: 'localhost', name: 'Tocsin' },
          user: { id: 'BAUG', name: 'A', displayName: 'A' },
          pubKeyCredParams: [],
        },
      }),
    });
    fakeDevice(async () => {
      throw new DOMException('cancelled', 'NotAllowedError');
    });
    const el = mount();
    await until(() => el.textContent!.includes('No passkeys yet'), 'the empty list');
    el.querySelector<HTMLInputElement>('#passkey-name')!.value = 'Phone';
    el.querySelector<HTMLInputElement>('#passkey-password')!.value = 'a long enough passphrase';
    el.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await until(() => !!el.querySelector('[role=alert]'), 'the error');
    expect(el.querySelector('[role=alert]')!.textContent).toContain('No passkey was made');
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/me/passkeys')).toBe(false);
  });
});
