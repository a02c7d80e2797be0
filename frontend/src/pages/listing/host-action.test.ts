import { describe, expect, it } from 'vitest';
import './host-action';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { setLanguage } from '../../core/i18n';
import { currentUser } from '../../core/session';

const CALL = {
  open: true,
  instructions: '### Host',
  instructionsHtml: '<h3>Host a vigil</h3>',
  template: 'A vigil in our city',
  materials: [{ title: 'Posters', url: 'https://example.org/posters.zip' }],
  acceptsFrom: '2027-10-10',
  acceptsTo: '2027-10-11',
  reviewChanges: false,
};
const EVENT = (id: string, start: string, extra: object = {}) => ({
  id,
  title: `Vigil ${id}`,
  start,
  end: start,
  timeZone: 'Europe/Berlin',
  kind: 'VIGIL',
  status: 'SCHEDULED',
  visibility: 'PUBLIC',
  organization: { slug: 'leipzig', name: 'Leipzig group' },
  ...extra,
});

function mount() {
  const el = document.createElement('tocsin-host-action');
  el.setAttribute('slug', 'united');
  document.body.append(el);
  return el;
}

freshPageEachTest();

describe('host an action', () => {
  it('shows the call and offers only public events in its dates and in no campaign; submitting says it is pending', async () => {
    const calls = fakeFetch({
      'GET /api/v1/campaigns/united/call': () => ({ status: 200, body: CALL }),
      'GET /api/v1/me': () => ({ status: 200, body: { id: 'u', email: 'a@b.c', displayName: 'A', admin: false } }),
      'GET /api/v1/me/organizations': () => ({
        status: 200,
        body: [
          { id: 'o1', slug: 'leipzig', name: 'Leipzig group', myRole: 'ORGANIZER' },
          { id: 'o2', slug: 'readers', name: 'Readers', myRole: 'MEMBER' },
        ],
      }),
      'GET /api/v1/events': () => ({
        status: 200,
        body: {
          items: [
            EVENT('a', '2027-10-10T19:00'),
            EVENT('late', '2027-10-12T19:00'),
            EVENT('taken', '2027-10-10T19:00', { campaign: { slug: 'other', name: 'Other' } }),
            EVENT('hidden', '2027-10-10T19:00', { visibility: 'PRIVATE' }),
          ],
        },
      }),
      'POST /api/v1/campaigns/united/submissions': () => ({ status: 201, body: { id: 's', state: 'PENDING' } }),
    });
    await currentUser(true);
    const el = mount();
    await until(() => !!el.querySelector('#host-event'), 'the form');
    expect(el.querySelector('h3')!.textContent).toBe('Host a vigil');
    expect(el.querySelector('a[href="https://example.org/posters.zip"]')).not.toBeNull();
    // A MEMBER-only organization is not offered.
    expect([...el.querySelectorAll('#host-org option')].map((o) => o.getAttribute('value'))).toEqual(['leipzig']);
    expect([...el.querySelectorAll('#host-event option')].map((o) => o.getAttribute('value'))).toEqual(['a']);
    // The call's template starts a new event of the chosen organization.
    expect(el.querySelector('a[href="/dashboard/organizations/leipzig/events/new?campaign=united"]')!.textContent).toBe(
      "Create an event from the campaign's template",
    );
    buttonWithText(el, 'Submit for review')!.click();
    await until(() => el.textContent!.includes('will review it'), 'the answer');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ event: 'a' });
  });

  it('says when the campaign takes no submissions, in Persian too', async () => {
    fakeFetch({ 'GET /api/v1/campaigns/united/call': () => ({ status: 200, body: { ...CALL, open: false } }) });
    const el = mount();
    await until(() => el.textContent!.includes('does not take submissions'), 'the closed call');
    setLanguage('fa', false);
    await until(() => el.textContent!.includes('نمی‌پذیرد'), 'the Persian text');
  });
});
