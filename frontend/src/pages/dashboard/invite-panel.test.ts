import { describe, expect, it, vi } from 'vitest';
import './invite-panel';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { setLanguage } from '../../core/i18n';

const URL1 = 'https://tocsin.example/join/tci_secret';
const OPEN = {
  id: 'i1',
  role: 'ORGANIZER',
  expiresAt: '2027-01-08T12:00:00Z',
  maxUses: 5,
  uses: 1,
  createdAt: '2027-01-01T12:00:00Z',
};

function mount(role: string) {
  const el = document.createElement('tocsin-invite-panel');
  el.setAttribute('slug', 'vigils');
  el.setAttribute('my-role', role);
  document.body.append(el);
  return el;
}
const button = buttonWithText;

freshPageEachTest();

describe('the invite panel', () => {
  it('offers only the roles one may grant', async () => {
    fakeFetch({ 'GET /api/v1/organizations/vigils/invitations': () => ({ status: 200, body: [] }) });
    const el = mount('ADMIN');
    await until(() => el.textContent!.includes('No open invitation links.'), 'the list');
    const roles = [...el.querySelectorAll<HTMLOptionElement>('#invite-role option')].map((o) => o.value);
    expect(roles).toEqual(['ADMIN', 'ORGANIZER', 'MEMBER']);
    expect(el.querySelector('#invite-role option[selected]')!.getAttribute('value')).toBe('MEMBER');
  });

  it('makes a link, shows it once with a copy button, and lists the open links with Revoke', async () => {
    let open: unknown[] = [];
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    vi.stubGlobal('confirm', () => true);
    const calls = fakeFetch({
      'GET /api/v1/organizations/vigils/invitations': () => ({ status: 200, body: open }),
      'POST /api/v1/organizations/vigils/invitations': () => {
        open = [OPEN];
        return { status: 201, body: { id: 'i1', url: URL1, role: 'ORGANIZER', expiresAt: OPEN.expiresAt, maxUses: 5 } };
      },
      'DELETE /api/v1/organizations/vigils/invitations/i1': () => {
        open = [];
        return { status: 204 };
      },
    });
    const el = mount('OWNER');
    await until(() => !!el.querySelector('#invite-role option'), 'the form');
    el.querySelector<HTMLSelectElement>('#invite-role')!.value = 'ORGANIZER';
    el.querySelector<HTMLSelectElement>('#invite-expiry')!.value = '30';
    el.querySelector<HTMLInputElement>('#invite-uses')!.value = '5';
    el.querySelector('form')!.requestSubmit();
    await until(() => !!el.querySelector('#invite-url'), 'the link');
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/invitations'))!.body).toEqual({
      role: 'ORGANIZER',
      expiresInDays: 30,
      maxUses: 5,
    });
    expect(el.querySelector<HTMLInputElement>('#invite-url')!.value).toBe(URL1);
    expect(el.textContent).toContain('shown only this once');
    button(el, 'Copy')!.click();
    await until(() => writeText.mock.calls.length === 1, 'the copy');
    expect(writeText).toHaveBeenCalledWith(URL1);
    await until(() => el.textContent!.includes('1 of 5 used'), 'the open link');

    button(el, 'Revoke')!.click();
    await until(() => el.textContent!.includes('No open invitation links.'), 'the revocation');
    expect(el.querySelector('#invite-url')).toBeNull();
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/organizations/vigils/invitations/i1')).toBe(
      true,
    );
  });

  it('shows the uses in Persian digits in a text field and sends a Persian number as a number', async () => {
    setLanguage('fa', false);
    const calls = fakeFetch({
      'GET /api/v1/organizations/vigils/invitations': () => ({ status: 200, body: [] }),
      'POST /api/v1/organizations/vigils/invitations': () => ({
        status: 201,
        body: { id: 'i1', url: URL1, role: 'MEMBER', expiresAt: OPEN.expiresAt, maxUses: 12 },
      }),
    });
    const el = mount('OWNER');
    await until(() => !!el.querySelector('#invite-role option'), 'the form');
    const uses = el.querySelector<HTMLInputElement>('#invite-uses')!;
    // A number field would drop "۱۲" in some browsers; a text field with a digit keyboard keeps it.
    expect(uses.type).toBe('text');
    expect(uses.getAttribute('inputmode')).toBe('numeric');
    expect(uses.value).toBe('۱');
    uses.value = '۱۲';
    el.querySelector('form')!.requestSubmit();
    await until(() => !!el.querySelector('#invite-url'), 'the link');
    expect(
      (calls.find((c) => c.method === 'POST' && c.path.endsWith('/invitations'))!.body as { maxUses: number }).maxUses,
    ).toBe(12);
  });
});
