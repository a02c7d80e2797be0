import { describe, expect, it } from 'vitest';
import './move-occurrence';
import { occurrenceTimes } from './move-occurrence';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { LOCALES, translate, type MessageKey } from '../../core/i18n';
import type { EventView } from '../../core/types';
import { aVigil } from '../../test/events';

const SERIES = aVigil({
  end: '2027-01-07T19:30',
  endUtc: '2027-01-07T18:30:00Z',
  rsvpMode: 'OPEN',
  recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TH', exdates: [] },
  overrides: [],
});
const PATH = '/api/v1/events/e1/occurrences/2027-01-14T18%3A00';

type Form = HTMLElement & { event: EventView; occurrence: string; updateComplete: Promise<boolean> };

async function form(event = SERIES): Promise<Form> {
  const el = document.createElement('tocsin-move-occurrence') as Form;
  el.event = event;
  el.occurrence = '2027-01-14T18:00';
  document.body.append(el);
  await el.updateComplete;
  return el;
}

freshPageEachTest();

describe('moving one date of a series', () => {
  it('starts from the date as it is: the original start and the series length, or the moved times', () => {
    expect(occurrenceTimes(SERIES, '2027-01-14T18:00')).toEqual({ start: '2027-01-14T18:00', end: '2027-01-14T19:30' });
    expect(occurrenceTimes(SERIES, '2027-01-28T23:00')).toEqual({ start: '2027-01-28T23:00', end: '2027-01-29T00:30' });
    const moved = {
      ...SERIES,
      overrides: [
        { recurrenceId: '2027-01-14T18:00', cancelled: false, start: '2027-01-15T17:00', end: '2027-01-15T18:00' },
      ],
    };
    expect(occurrenceTimes(moved, '2027-01-14T18:00')).toEqual({ start: '2027-01-15T17:00', end: '2027-01-15T18:00' });
  });

  it('sends the new local start and end and hands the updated event on', async () => {
    const updated = {
      ...SERIES,
      sequence: 1,
      overrides: [
        { recurrenceId: '2027-01-14T18:00', cancelled: false, start: '2027-01-14T19:00', end: '2027-01-14T20:30' },
      ],
    };
    const calls = fakeFetch({ [`PUT ${PATH}`]: () => ({ status: 200, body: updated }) });
    const el = await form();
    expect(el.querySelector<HTMLInputElement>('#move-start')!.value).toBe('2027-01-14T18:00');
    expect(el.querySelector<HTMLInputElement>('#move-end')!.value).toBe('2027-01-14T19:30');
    el.querySelector<HTMLInputElement>('#move-start')!.value = '2027-01-14T19:00';
    el.querySelector<HTMLInputElement>('#move-end')!.value = '2027-01-14T20:30';
    let moved: EventView | undefined;
    el.addEventListener('occurrence-moved', (ev) => {
      moved = (ev as CustomEvent<EventView>).detail;
    });
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => !!moved, 'the moved event');
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ start: '2027-01-14T19:00', end: '2027-01-14T20:30' });
    expect(moved!.sequence).toBe(1);
  });

  it('shows the problem next to the field it names', async () => {
    fakeFetch({
      [`PUT ${PATH}`]: () => ({
        status: 400,
        body: {
          status: 400,
          title: 'Invalid request',
          type: '/problems/validation',
          errors: [{ field: 'end', message: 'must be after start' }],
        },
      }),
    });
    const el = await form();
    el.querySelector<HTMLInputElement>('#move-end')!.value = '2027-01-14T17:00';
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => !!el.querySelector('#move-end-error'), 'the field error');
    expect(el.querySelector('#move-end-error')!.textContent).toBe('must be after start');
    expect(el.querySelector('#move-end')!.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('#move-end')!.getAttribute('aria-describedby')).toBe('move-end-error');
    expect(el.querySelector('#move-start')!.getAttribute('aria-invalid')).toBe('false');
  });

  it('is worded in every language', () => {
    for (const loc of Object.values(LOCALES)) {
      for (const key of [
        'event.moveDate',
        'event.moveDateHint',
        'event.moveStart',
        'event.moveEnd',
        'event.moveSubmit',
        'event.dateMoved',
      ]) {
        expect(loc.messages[key as MessageKey], `${loc.lang} ${key}`).toBeTruthy();
      }
    }
    expect(translate(LOCALES.fa, 'event.moveDateHint', { zone: 'Europe/Berlin' })).toContain('Europe/Berlin');
  });
});
