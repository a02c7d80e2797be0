import { describe, expect, it, vi } from 'vitest';
import './delete-organization-panel';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

function mount() {
  const el = document.createElement('tocsin-delete-organization-panel');
  el.setAttribute('slug', 'vigils');
  document.body.append(el);
  return el;
}

freshPageEachTest();

describe('the organization deletion panel', () => {
  it('counts what goes, then deletes with the password and the second factor’s code', async () => {
    const calls = fakeFetch({
      'GET /api/v1/organizations/vigils/deletion': () => ({
        status: 200,
        body: {
          slug: 'vigils',
          name: 'Vigils',
          counts: { members: 3, events: 5, rsvps: 40, campaigns: 1 },
          secondFactorRequired: true,
        },
      }),
      'DELETE /api/v1/organizations/vigils': () => ({ status: 204 }),
    });
    const el = mount();
    await until(() => !!buttonWithText(el, 'Show what would be deleted'), 'the button');
    buttonWithText(el, 'Show what would be deleted')!.click();
    await until(() => !!el.querySelector('#org-deletion-password'), 'the preview');
    const text = el.textContent!;
    expect(text).toContain('5 event(s)');
    expect(text).toContain('40 RSVP(s)');
    expect(text).toContain('3 membership(s)');
    el.querySelector<HTMLInputElement>('#org-deletion-password')!.value = 'my passphrase';
    el.querySelector<HTMLInputElement>('#org-deletion-code')!.value = '123456';
    buttonWithText(el, 'Delete this organization for good')!.click();
    await until(() => calls.some((c) => c.method === 'DELETE'), 'the deletion');
    expect(calls.find((c) => c.method === 'DELETE')!.body).toEqual({ password: 'my passphrase', code: '123456' });
  });

  it('confirms with a passkey when the account’s second factor is one', async () => {
    const calls = fakeFetch({
      'GET /api/v1/organizations/vigils/deletion': () => ({
        status: 200,
        body: {
          slug: 'vigils',
          name: 'Vigils',
          counts: { members: 1 },
          secondFactorRequired: true,
          secondFactorMethods: ['passkey'],
        },
      }),
      'POST /api/v1/me/reconfirm/passkey-options': () => ({
        status: 200,
        body: { challenge: 'CQkJ', rpId: 'localhost', allowCredentials: [{ type: 'public-key', id: 'AQID' }] },
      }),
      'DELETE /api/v1/organizations/vigils': () => ({ status: 204 }),
    });
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    const get = vi.fn(async () => ({
      rawId: new Uint8Array([1, 2, 3]).buffer,
      type: 'public-key',
      response: {
        clientDataJSON: new Uint8Array([123, 125]).buffer,
        authenticatorData: new Uint8Array([5]).buffer,
        signature: new Uint8Array([6]).buffer,
      },
    }));
    Object.defineProperty(navigator, 'credentials', { value: { get }, configurable: true });
    const el = mount();
    await until(() => !!buttonWithText(el, 'Show what would be deleted'), 'the button');
    buttonWithText(el, 'Show what would be deleted')!.click();
    await until(() => !!el.querySelector('#org-deletion-password'), 'the preview');
    expect(el.querySelector('#org-deletion-code')).toBeNull();
    expect(el.textContent).toContain('Confirm with a passkey');
    el.querySelector<HTMLInputElement>('#org-deletion-password')!.value = 'my passphrase';
    buttonWithText(el, 'Delete this organization for good')!.click();
    await until(() => calls.some((c) => c.method === 'DELETE'), 'the deletion');
    expect(get).toHaveBeenCalledOnce();
    expect(calls.find((c) => c.method === 'DELETE')!.body).toEqual({
      password: 'my passphrase',
      passkey: {
        id: 'AQID',
        type: 'public-key',
        response: { clientDataJSON: 'e30', authenticatorData: 'BQ', signature: 'Bg' },
      },
    });
  });
});
