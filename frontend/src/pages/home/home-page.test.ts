import { describe, expect, it } from 'vitest';
import './home-page';
import type { HomePage } from './home-page';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { setLanguage } from '../../core/i18n';

const EMPTY = () => ({ status: 200, body: { items: [] } });

async function mount(query: string) {
  const el = document.createElement('tocsin-home-page') as HomePage;
  el.query = new URLSearchParams(query);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

freshPageEachTest();

describe('the search on the home page', () => {
  it('gives a Persian supporter a Solar Hijri "from" date, and searches by its Gregorian day', async () => {
    fakeFetch({ 'GET /api/v1/events': EMPTY, 'GET /api/v1/cities': () => ({ status: 200, body: [] }) });
    setLanguage('fa', false);
    const el = await mount('from=2027-03-21');
    const field = el.querySelector<HTMLInputElement>('#f-from')!;
    expect(field.type).not.toBe('date');
    expect(field.value).toBe('۱۴۰۶/۰۱/۰۱');

    field.value = '۱۴۰۶/۲/۱۶';
    field.dispatchEvent(new Event('input'));
    await until(() => el.querySelector<HTMLInputElement>('input[name=from]')!.value === '2027-05-06', 'the day');
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(new URLSearchParams(location.search).get('from')).toBe('2027-05-06');
  });

  it('keeps the browser date field in English', async () => {
    fakeFetch({ 'GET /api/v1/events': EMPTY, 'GET /api/v1/cities': () => ({ status: 200, body: [] }) });
    const el = await mount('from=2027-03-21');
    const field = el.querySelector<HTMLInputElement>('#f-from')!;
    expect(field.type).toBe('date');
    expect(field.value).toBe('2027-03-21');
  });
});
