import { beforeEach, describe, expect, it } from 'vitest';
import './join-page';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { sessionChanged } from '../../core/session';

const PREVIEW = { organization: { slug: 'vigils', name: 'Berlin Vigils' }, role: 'ORGANIZER' };
const ME = { id: 'u1', email: 'a@example.org', displayName: 'Ana', admin: false };

function mount(token = 'tci_abc') {
  const el = document.createElement('tocsin-join-page');
  el.setAttribute('token', token);
  document.body.append(el);
  return el;
}

freshPageEachTest();
beforeEach(() => sessionChanged());

describe('the join page', () => {
  it('tells where the link leads and asks to sign in or register first, coming back here', async () => {
    fakeFetch({ 'GET /api/v1/invitations/tci_abc': () => ({ status: 200, body: PREVIEW }) });
    const el = mount();
    await until(() => !!el.querySelector('h1') && el.querySelector('h1')!.textContent!.includes('Join'), 'the page');
    expect(el.querySelector('h1')!.textContent).toBe('Join Berlin Vigils as Organizer');
    const links = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/signin?next=%2Fjoin%2Ftci_abc', '/register?next=%2Fjoin%2Ftci_abc']);
    expect(el.querySelector('button.accept-invitation')).toBeNull();
  });

  it('accepts for a signed-in person and opens the organization dashboard', async () => {
    const calls = fakeFetch({
      'GET /api/v1/invitations/tci_abc': () => ({ status: 200, body: PREVIEW }),
      'GET /api/v1/me': () => ({ status: 200, body: ME }),
      'POST /api/v1/invitations/tci_abc/accept': () => ({
        status: 200,
        body: { ...PREVIEW, since: '2027-01-01T00:00:00Z' },
      }),
    });
    const el = mount();
    await until(() => !!el.querySelector('button.accept-invitation'), 'the accept button');
    expect(el.textContent).toContain('Signed in as Ana.');
    el.querySelector<HTMLButtonElement>('button.accept-invitation')!.click();
    await until(() => location.pathname === '/dashboard/organizations/vigils', 'the dashboard');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/invitations/tci_abc/accept']);
  });

  it('says the same for every dead link', async () => {
    fakeFetch({});
    const el = mount('tci_gone');
    await until(() => !!el.querySelector('[role=alert]'), 'the error');
    expect(el.textContent).toContain('This invitation link is not valid');
  });
});

describe('coming back after signing in or registering', () => {
  it('follows next= to a path of this site only', async () => {
    const { nextPath } = await import('../account/account-pages');
    expect(nextPath(new URLSearchParams('next=%2Fjoin%2Ftci_abc'))).toBe('/join/tci_abc');
    expect(nextPath(new URLSearchParams('next=%2F%2Fevil.example'))).toBe('/dashboard');
    expect(nextPath(new URLSearchParams('next=https%3A%2F%2Fevil.example'))).toBe('/dashboard');
    expect(nextPath(new URLSearchParams(''))).toBe('/dashboard');
  });
});
