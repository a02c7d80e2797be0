import { describe, expect, it } from 'vitest';
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
});
