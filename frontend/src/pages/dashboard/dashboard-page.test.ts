import { describe, expect, it } from 'vitest';
import './dashboard-page';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

const FEED = 'https://tocsin.example/feeds/private/tcr_one.ics';
const ME = {
  id: 'u1',
  email: 'a@example.org',
  displayName: 'A',
  admin: false,
  emailVerified: false,
  verificationLinkSent: true,
  calendarFeedUrl: FEED,
};
const ORG = { id: 'o1', slug: 'leipzig', name: 'Leipzig Neighbours', myRole: 'OWNER' };

freshPageEachTest();

describe('the dashboard', () => {
  it('shows its organization links with the banner and the calendar address already above them, so they do not move', async () => {
    const calls = fakeFetch({
      'GET /api/v1/me': () => ({ status: 200, body: ME }),
      'GET /api/v1/me/organizations': () => ({ status: 200, body: [ORG] }),
    });
    const el = document.createElement('tocsin-dashboard-page');
    // What the browser first paints with the organization link on it (after the task that added the link): a
    // click aimed at the link lands there.
    let firstPaint = '';
    let linkSeen = false;
    const seen = new MutationObserver(() => {
      if (linkSeen || !el.querySelector('a[href="/dashboard/organizations/leipzig"]')) return;
      linkSeen = true;
      setTimeout(() => (firstPaint = el.innerHTML));
    });
    seen.observe(el, { childList: true, subtree: true });
    document.body.append(el);
    await until(() => !!firstPaint, 'the organization link');
    seen.disconnect();
    expect(firstPaint).toContain('Confirm your email address');
    expect(firstPaint).toContain(FEED);
    expect(firstPaint).not.toContain('Loading');
    // One question about who is signed in, not one per panel.
    expect(calls.filter((c) => c.path === '/api/v1/me')).toHaveLength(1);
  });

  it('shows no banner once the address is confirmed', async () => {
    fakeFetch({
      'GET /api/v1/me': () => ({ status: 200, body: { ...ME, emailVerified: true } }),
      'GET /api/v1/me/organizations': () => ({ status: 200, body: [ORG] }),
    });
    const el = document.createElement('tocsin-dashboard-page');
    document.body.append(el);
    await until(() => !!el.querySelector('a[href="/dashboard/organizations/leipzig"]'), 'the organization link');
    expect(el.textContent).not.toContain('Confirm your email address');
  });
});
