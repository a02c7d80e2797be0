import { describe, expect, it } from 'vitest';
import './rsvp-page';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { setLanguage } from '../../core/i18n';
import { aVigil } from '../../test/events';

const EVENT = aVigil({
  rsvpMode: 'EMAIL_CONFIRMED',
});
const OWN = { id: 'r1', name: 'Sara', email: 'sara@example.org', response: 'GOING', guests: 0, state: 'UNCONFIRMED' };

function mount(token: string) {
  const el = document.createElement('tocsin-rsvp-page') as HTMLElement & { token: string };
  el.token = token;
  document.body.append(el);
  return el;
}

freshPageEachTest();

describe('the RSVP page (/rsvp/{token})', () => {
  it('shows an UNCONFIRMED RSVP as such and confirms it with the token, as the API expects', async () => {
    const calls = fakeFetch({
      'GET /api/v1/rsvps/rsvp_abc': () => ({ status: 200, body: { rsvp: OWN, event: EVENT } }),
      'POST /api/v1/rsvps/rsvp_abc/confirm': () => ({ status: 200, body: { ...OWN, state: 'GOING' } }),
    });
    const el = mount('rsvp_abc');
    await until(() => !!el.querySelector('.rsvp-state'), 'the RSVP');
    const state = el.querySelector('.rsvp-state')!;
    expect(state.getAttribute('data-state')).toBe('UNCONFIRMED');
    expect(state.textContent).toContain('Not confirmed yet');
    // No change form until it is confirmed: a change would confirm it unasked.
    expect(el.querySelector('form')).toBeNull();

    el.querySelector<HTMLButtonElement>('button.confirm-rsvp')!.click();
    await until(() => el.querySelector('.rsvp-state')?.getAttribute('data-state') === 'GOING', 'the confirmation');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/rsvps/rsvp_abc/confirm']);
    expect(el.querySelector('.rsvp-state')!.textContent).toContain('You are going.');
    expect(el.querySelector('button.confirm-rsvp')).toBeNull();
    expect(el.querySelector('form')).not.toBeNull();
    expect(el.textContent).toContain('Confirmed. Thank you.');
  });

  it('labels the waiting list with its position, in Persian too', async () => {
    setLanguage('fa', false);
    fakeFetch({
      'GET /api/v1/rsvps/rsvp_w': () => ({
        status: 200,
        body: { rsvp: { ...OWN, state: 'WAITLISTED', waitlistPosition: 3 }, event: EVENT },
      }),
    });
    const el = mount('rsvp_w');
    await until(() => !!el.querySelector('.rsvp-state'), 'the RSVP');
    expect(el.querySelector('.rsvp-state')!.textContent).toContain('فهرست انتظار');
    expect(el.textContent).toContain('جایگاه شما در فهرست انتظار: ۳');
    expect(el.querySelector('button.confirm-rsvp')).toBeNull();
  });
});
