import { describe, expect, it } from 'vitest';
import './rsvp-form';
import { rsvpStateLabel } from './rsvp-form';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { LOCALES, setLanguage, translate, type MessageKey } from '../../core/i18n';
import { RSVP_MODES, type EventView, type Rsvp } from '../../core/types';
import { aVigil } from '../../test/events';

const EVENT = aVigil({
  rsvpMode: 'EMAIL_CONFIRMED',
});
const STATES: Rsvp['state'][] = ['GOING', 'MAYBE', 'NOT_GOING', 'WAITLISTED', 'PENDING', 'DECLINED', 'UNCONFIRMED'];

freshPageEachTest();

describe('RSVP states and modes', () => {
  it('every state has its own label for the person and for the organizers, and every mode one, in every language', () => {
    for (const loc of Object.values(LOCALES)) {
      const own = STATES.map((s) => translate(loc, `rsvp.state.${s}` as MessageKey));
      const organizers = STATES.map((s) => translate(loc, `rsvps.state.${s}` as MessageKey));
      const modes = RSVP_MODES.map((m) => translate(loc, `rsvpMode.${m}` as MessageKey));
      for (const label of [...own, ...organizers, ...modes]) expect(label, loc.lang).not.toMatch(/^rsvps?(Mode)?\./);
      expect(new Set(own).size, loc.lang).toBe(STATES.length);
      expect(new Set(organizers).size, loc.lang).toBe(STATES.length);
      expect(new Set(modes).size, loc.lang).toBe(RSVP_MODES.length);
    }
    expect(RSVP_MODES).toContain('EMAIL_CONFIRMED');
    expect(translate(LOCALES.en, 'rsvpMode.EMAIL_CONFIRMED')).toBe('Guests confirm by email');
    expect(rsvpStateLabel({ state: 'UNCONFIRMED' })).toMatch(/Not confirmed yet/);
  });
});

describe('the RSVP form', () => {
  it('under EMAIL_CONFIRMED asks for the email and, answered UNCONFIRMED without a token, says to check the mail', async () => {
    const calls = fakeFetch({
      'POST /api/v1/events/e1/rsvps': () => ({
        status: 201,
        body: { id: 'r1', state: 'UNCONFIRMED', response: 'GOING', guests: 0, manageToken: null },
      }),
    });
    const el = document.createElement('tocsin-rsvp-form') as HTMLElement & {
      event: EventView;
      updateComplete: Promise<boolean>;
    };
    el.event = EVENT;
    document.body.append(el);
    await el.updateComplete;
    expect(el.querySelector('label[for="rsvp-email"]')!.textContent).toContain('needed to confirm');
    expect(el.textContent).toContain('your RSVP counts once you confirm it');
    el.querySelector<HTMLInputElement>('#rsvp-name')!.value = 'Sara';
    el.querySelector<HTMLInputElement>('#rsvp-email')!.value = 'sara@example.org';
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => !!el.querySelector('.rsvp-state'), 'the answer');
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/events/e1/rsvps')!.body).toEqual({
      name: 'Sara',
      email: 'sara@example.org',
      response: 'GOING',
    });
    expect(el.querySelector('.rsvp-state')!.getAttribute('data-state')).toBe('UNCONFIRMED');
    expect(el.textContent).toContain('Check your email');
    expect(el.querySelector('a.manage-link')).toBeNull();
  });

  it('shows the guests in the page’s digits, and sends a Persian number as a number', async () => {
    setLanguage('fa', false);
    const calls = fakeFetch({
      'POST /api/v1/events/e1/rsvps': () => ({
        status: 201,
        body: { id: 'r1', state: 'GOING', response: 'GOING', guests: 2, manageToken: 'm' },
      }),
    });
    const el = document.createElement('tocsin-rsvp-form') as HTMLElement & {
      event: EventView;
      updateComplete: Promise<boolean>;
    };
    el.event = { ...EVENT, rsvpMode: 'OPEN' } as EventView;
    document.body.append(el);
    await el.updateComplete;
    const guests = el.querySelector<HTMLInputElement>('#rsvp-guests')!;
    expect(guests.value).toBe('۰');
    el.querySelector<HTMLInputElement>('#rsvp-name')!.value = 'سارا';
    guests.value = '۲';
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => calls.some((c) => c.method === 'POST'), 'the RSVP');
    expect((calls.find((c) => c.method === 'POST')!.body as { guests: number }).guests).toBe(2);
  });
});
