import { describe, expect, it } from 'vitest';
import './app-shell';
import { fakeFetch, freshPageEachTest, until } from '../test/fake-api';
import { MEMBER_ROUTES, match } from '../core/router';
import { nextPath } from '../pages/account/account-pages';

const ME = { id: 'u1', email: 'sara@example.org', displayName: 'Sara', emailVerified: true, admin: false };

function open(path: string) {
  history.replaceState(null, '', path);
  const app = document.createElement('tocsin-app');
  document.body.append(app);
  return app;
}

freshPageEachTest();

describe('a member’s page opened signed out', () => {
  it('covers every dashboard page', () => {
    for (const path of [
      '/dashboard',
      '/dashboard/organizations/group',
      '/dashboard/organizations/group/events/new',
      '/dashboard/events/e1',
      '/dashboard/events/e1/rsvps',
      '/dashboard/moderation',
    ])
      expect(MEMBER_ROUTES.has(match(path).name), path).toBe(true);
    expect(MEMBER_ROUTES.has(match('/events/e1').name)).toBe(false);
    expect(MEMBER_ROUTES.has(match('/join/tci_x').name)).toBe(false);
  });

  it('goes to sign in and back to the same page and query, never showing the API’s refusal', async () => {
    // Signed out: the API answers 401 (the fake answers 404 to /api/v1/me, which the session reads the same way).
    fakeFetch({
      'GET /api/v1/events/e1/rsvps': () => ({ status: 401, body: { status: 401, title: 'Sign-in required' } }),
    });
    const app = open('/dashboard/events/e1/rsvps?view=waitlist');
    await until(() => location.pathname === '/signin', 'the sign-in page');
    const query = new URLSearchParams(location.search);
    expect(nextPath(query)).toBe('/dashboard/events/e1/rsvps?view=waitlist');
    await until(() => !!app.querySelector('tocsin-signin-page'), 'the sign-in form');
    expect(app.textContent).not.toContain('Sign-in required');
    expect(app.querySelector('tocsin-rsvp-list-page')).toBeNull();
  });

  it('signed in, opens the page itself', async () => {
    fakeFetch({
      'GET /api/v1/me': () => ({ status: 200, body: ME }),
      'GET /api/v1/moderation/reports': () => ({ status: 200, body: [] }),
    });
    const app = open('/dashboard/moderation');
    await until(() => !!app.querySelector('tocsin-moderation-page'), 'the moderation page');
    expect(location.pathname).toBe('/dashboard/moderation');
  });
});
