import { describe, expect, it, vi } from 'vitest';
import './delete-account-panel';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

const preview = {
  allowed: false,
  blockers: [
    {
      slug: 'circle',
      name: 'Circle',
      reason: 'only-owner',
      why: 'x',
      handOnTo: [{ userId: 'u-bo', displayName: 'Bo', role: 'MEMBER' }],
      deletes: { members: 2, events: 3, rsvps: 7 },
    },
  ],
  parts: { memberships: { count: 1, details: [] }, rsvps: { count: 0, details: [{ upcoming: 0, past: 0 }] } },
  apiTokens: 0,
  sessions: 1,
  secondFactorRequired: false,
};

function mount() {
  const el = document.createElement('tocsin-delete-account-panel');
  document.body.append(el);
  return el;
}

freshPageEachTest();

describe('the account deletion panel', () => {
  it('offers to delete an organization the person alone owns along with the account', async () => {
    const calls = fakeFetch({
      'GET /api/v1/me/deletion': () => ({ status: 200, body: preview }),
      'DELETE /api/v1/me': () => ({ status: 204 }),
    });
    const el = mount();
    await until(() => !!buttonWithText(el, 'Show what would happen'), 'the button');
    buttonWithText(el, 'Show what would happen')!.click();
    await until(() => !!el.querySelector('input[name="delete-circle"]'), 'the blocker');
    expect(el.textContent).toContain('3 event(s), 7 RSVP(s), 2 member(s)');
    expect(el.querySelector('#deletion-password')).toBeNull();
    el.querySelector<HTMLInputElement>('input[name="delete-circle"]')!.click();
    await until(() => !!el.querySelector('#deletion-password'), 'the password field');
    el.querySelector<HTMLInputElement>('#deletion-password')!.value = 'my passphrase';
    buttonWithText(el, 'Delete my account for good')!.click();
    await until(() => calls.some((c) => c.method === 'DELETE'), 'the deletion');
    expect(calls.find((c) => c.method === 'DELETE')!.body).toEqual({
      password: 'my passphrase',
      deleteOrganizations: ['circle'],
    });
  });

  it('with an app and a passkey, takes the code or, left empty, asks the device for a passkey', async () => {
    const calls = fakeFetch({
      'GET /api/v1/me/deletion': () => ({
        status: 200,
        body: {
          ...preview,
          allowed: true,
          blockers: [],
          secondFactorRequired: true,
          secondFactorMethods: ['code', 'passkey'],
        },
      }),
      'POST /api/v1/me/reconfirm/passkey-options': () => ({
        status: 200,
        body: { challenge: 'CQkJ', rpId: 'localhost', allowCredentials: [{ type: 'public-key', id: 'AQID' }] },
      }),
      'DELETE /api/v1/me': () => ({ status: 400, body: { status: 400, title: 'Bad request' } }),
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
    await until(() => !!buttonWithText(el, 'Show what would happen'), 'the button');
    buttonWithText(el, 'Show what would happen')!.click();
    await until(() => !!el.querySelector('#deletion-code'), 'the code field');
    expect(el.querySelector<HTMLInputElement>('#deletion-code')!.required).toBe(false);
    expect(el.textContent).toContain('Or leave the code empty to confirm with a passkey');

    el.querySelector<HTMLInputElement>('#deletion-password')!.value = 'my passphrase';
    el.querySelector<HTMLInputElement>('#deletion-code')!.value = '123456';
    buttonWithText(el, 'Delete my account for good')!.click();
    await until(() => calls.filter((c) => c.method === 'DELETE').length === 1, 'the first try');
    expect(calls.filter((c) => c.method === 'DELETE')[0]!.body).toEqual({ password: 'my passphrase', code: '123456' });
    expect(get).not.toHaveBeenCalled();

    await until(() => !!el.querySelector('#deletion-code'), 'the form again');
    el.querySelector<HTMLInputElement>('#deletion-password')!.value = 'my passphrase';
    el.querySelector<HTMLInputElement>('#deletion-code')!.value = '';
    buttonWithText(el, 'Delete my account for good')!.click();
    await until(() => calls.filter((c) => c.method === 'DELETE').length === 2, 'the second try');
    expect(get).toHaveBeenCalledOnce();
    expect(calls.filter((c) => c.method === 'DELETE')[1]!.body).toEqual({
      password: 'my passphrase',
      passkey: {
        id: 'AQID',
        type: 'public-key',
        response: { clientDataJSON: 'e30', authenticatorData: 'BQ', signature: 'Bg' },
      },
    });
  });

  it('hands an organization on to another member with the role change', async () => {
    const calls = fakeFetch({
      'GET /api/v1/me/deletion': () => ({ status: 200, body: preview }),
      'PUT /api/v1/organizations/circle/members/u-bo': () => ({ status: 200, body: {} }),
    });
    const el = mount();
    await until(() => !!buttonWithText(el, 'Show what would happen'), 'the button');
    buttonWithText(el, 'Show what would happen')!.click();
    await until(() => !!buttonWithText(el, 'Make owner'), 'the hand-on form');
    buttonWithText(el, 'Make owner')!.click();
    await until(() => calls.some((c) => c.path.includes('/members/')), 'the role change');
    expect(calls.find((c) => c.path.includes('/members/'))!.body).toEqual({ role: 'OWNER' });
  });
});
