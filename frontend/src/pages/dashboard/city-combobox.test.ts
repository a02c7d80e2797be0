import { describe, expect, it } from 'vitest';
import './city-combobox';
import { moveActive, placeName } from './city-combobox';
import { fakeFetch, freshPageEachTest, until } from '../../test/fake-api';
import { setLanguage } from '../../core/i18n';
import type { PlaceSuggestion } from '../../core/types';

const TEHRAN: PlaceSuggestion = {
  key: 'ir/tehran',
  name: 'Tehran',
  names: { fa: 'تهران' },
  country: 'IR',
  zone: 'Asia/Tehran',
  lat: 35.6944,
  lon: 51.4215,
};
const TEHUACAN: PlaceSuggestion = {
  key: 'mx/tehuacan',
  name: 'Tehuacán',
  names: {},
  country: 'MX',
  zone: 'America/Mexico_City',
  lat: 18.4642,
  lon: -97.3974,
};

function mount() {
  const el = document.createElement('tocsin-city-combobox');
  el.setAttribute('label', 'City');
  document.body.append(el);
  return el;
}

async function type(el: Element, text: string) {
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  const input = el.querySelector<HTMLInputElement>('input')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  return input;
}

const key = (input: HTMLInputElement, k: string) =>
  input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

freshPageEachTest();

describe('the city field', () => {
  it('names a city in the reader’s language, and moves through the options with wrap-around', () => {
    expect(placeName(TEHRAN, 'fa')).toBe('تهران');
    expect(placeName(TEHRAN, 'en')).toBe('Tehran');
    expect(placeName(TEHUACAN, 'fa')).toBe('Tehuacán');
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(-1, 0, 1)).toBe(-1);
  });

  it('asks once typing pauses, lists the cities as a combobox, and picks one with the keyboard', async () => {
    const calls = fakeFetch({ 'GET /api/v1/places': () => ({ status: 200, body: [TEHRAN, TEHUACAN] }) });
    const el = mount();
    const picked: unknown[] = [];
    el.addEventListener('city-picked', (ev) => picked.push((ev as CustomEvent).detail));
    let input = await type(el, 't');
    input = await type(el, 'te');
    input = await type(el, 'teh');
    await until(() => el.querySelectorAll('[role="option"]').length === 2, 'the suggestions');
    // One request for the pause, not one per key.
    expect(calls.filter((c) => c.path === '/api/v1/places')).toHaveLength(1);
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const list = el.querySelector('[role="listbox"]')!;
    expect(input.getAttribute('aria-controls')).toBe(list.id);

    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    await until(() => input.getAttribute('aria-activedescendant') === `${list.id}-1`, 'the second option active');
    expect(el.querySelector(`#${list.id}-1`)!.getAttribute('aria-selected')).toBe('true');
    key(input, 'ArrowUp');
    key(input, 'Enter');
    await until(() => picked.length === 1, 'a pick');
    expect(picked[0]).toMatchObject({ key: 'ir/tehran', zone: 'Asia/Tehran', country: 'IR', shown: 'Tehran' });
    await until(() => input.getAttribute('aria-expanded') === 'false', 'the list closed');
    expect(input.value).toBe('Tehran');
  });

  it('shows Persian names to Persian readers and fills the Persian name; Escape closes the list', async () => {
    setLanguage('fa', false);
    fakeFetch({ 'GET /api/v1/places': () => ({ status: 200, body: [TEHRAN] }) });
    const el = mount();
    const picked: { shown: string }[] = [];
    el.addEventListener('city-picked', (ev) => picked.push((ev as CustomEvent).detail));
    const input = await type(el, 'تهر');
    await until(() => el.querySelectorAll('[role="option"]').length === 1, 'the suggestion');
    expect(el.querySelector('[role="option"] bdi')!.textContent).toBe('تهران');
    key(input, 'Escape');
    await until(() => input.getAttribute('aria-expanded') === 'false', 'the list closed');
    key(input, 'ArrowDown');
    await until(() => input.getAttribute('aria-expanded') === 'true', 'the list open again');
    (el.querySelector('[role="option"]') as HTMLElement).click();
    await until(() => picked.length === 1, 'a pick');
    expect(picked[0].shown).toBe('تهران');
    expect(input.value).toBe('تهران');
  });

  it('asks nothing for text without a letter', async () => {
    const calls = fakeFetch({ 'GET /api/v1/places': () => ({ status: 200, body: [TEHRAN] }) });
    const el = mount();
    await type(el, ' - ');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toHaveLength(0);
  });
});
