import { afterEach, describe, expect, it } from 'vitest';
import './solar-datetime';
import type { SolarDatetime } from './solar-datetime';

async function picker(value: string) {
  const el = document.createElement('tocsin-solar-datetime') as SolarDatetime;
  el.fieldId = 'ev-start';
  el.label = 'آغاز';
  el.value = value;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

describe('the Solar Hijri date picker', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows the Gregorian value as a Solar Hijri date with both calendars beside it', async () => {
    const el = await picker('2027-05-06T18:00');
    expect(el.querySelector<HTMLInputElement>('#ev-start')!.value).toBe('۱۴۰۶/۰۲/۱۶');
    expect(el.querySelector<HTMLInputElement>('input[type=time]')!.value).toBe('18:00');
    expect(el.querySelector('.hint')!.textContent).toContain('۱۴۰۶');
  });

  it('takes a date typed in Persian digits and gives the API its Gregorian date-time', async () => {
    const el = await picker('2027-05-06T18:00');
    const changes: string[] = [];
    el.addEventListener('value-changed', (e) => changes.push((e as CustomEvent<string>).detail));
    type(el.querySelector<HTMLInputElement>('#ev-start')!, '۱۴۰۶/۱/۱');
    type(el.querySelector<HTMLInputElement>('input[type=time]')!, '09:30');
    expect(changes).toEqual(['2027-03-21T18:00', '2027-03-21T09:30']);
  });

  it('says so when the text is no date, and changes nothing', async () => {
    const el = await picker('2027-05-06T18:00');
    const changes: string[] = [];
    el.addEventListener('value-changed', (e) => changes.push((e as CustomEvent<string>).detail));
    type(el.querySelector<HTMLInputElement>('#ev-start')!, '۱۴۰۶/۰۷/۳۱');
    await el.updateComplete;
    expect(changes).toEqual([]);
    expect(el.querySelector('#ev-start')!.getAttribute('aria-invalid')).toBe('true');
  });
});
