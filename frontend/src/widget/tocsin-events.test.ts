import { afterEach, describe, expect, it, vi } from 'vitest';
import './tocsin-events';
import type { TocsinEvents } from './tocsin-events';
import { aVigil } from '../test/events';

const EVENT = aVigil({
  organization: { slug: 'group', name: 'Berlin Solidarity Circle' },
  title: 'Weekly vigil',
  place: { city: 'Berlin', countryCode: 'DE', cityKey: 'de/berlin' },
});
const CANCELLED = { ...EVENT, id: 'e2', title: 'Rally', status: 'CANCELLED' };

async function mount(attrs: Record<string, string>, fetcher: typeof fetch, fallback = '') {
  vi.stubGlobal('fetch', fetcher);
  const el = document.createElement('tocsin-events') as TocsinEvents;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.innerHTML = fallback;
  document.body.append(el);
  for (let i = 0; i < 10 && el.status === 'loading'; i++) await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
  return el;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('<tocsin-events>', () => {
  it('lists upcoming events in its shadow DOM, with links back and a Subscribe link, fetched without cookies', async () => {
    const fetcher = vi.fn(async () => new Response(JSON.stringify({ items: [EVENT, CANCELLED] }), { status: 200 }));
    const el = await mount(
      { 'base-url': 'https://tocsin.example', organization: 'group', limit: '3', lang: 'en' },
      fetcher as unknown as typeof fetch,
    );
    const [url, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://tocsin.example/api/v1/events?limit=3&organization=group');
    expect(init.credentials).toBe('omit');
    const root = el.shadowRoot!;
    const items = root.querySelectorAll('[part~="item"]');
    expect(items).toHaveLength(2);
    const link = root.querySelector<HTMLAnchorElement>('a[part~="title"]')!;
    expect(link.textContent).toBe('Weekly vigil');
    expect(link.getAttribute('href')).toBe('https://tocsin.example/events/e1');
    expect(root.querySelector('[part~="time"]')!.textContent).toContain('18:00');
    expect(items[1].textContent).toContain('Cancelled');
    expect(root.querySelector('a[part~="subscribe"]')!.getAttribute('href')).toBe(
      'webcal://tocsin.example/feeds/organizations/group.ics',
    );
  });

  it('speaks Persian, right to left, with Persian digits', async () => {
    const fetcher = vi.fn(async () => new Response(JSON.stringify({ items: [EVENT] }), { status: 200 }));
    const el = await mount(
      { 'base-url': 'https://tocsin.example', city: 'de/berlin', lang: 'fa' },
      fetcher as unknown as typeof fetch,
    );
    expect((fetcher.mock.calls[0] as unknown as [string])[0]).toContain('country=de&city=berlin');
    const box = el.shadowRoot!.querySelector('div[dir]')!;
    expect(box.getAttribute('dir')).toBe('rtl');
    expect(box.textContent).toContain('کنش‌های پیش رو');
    expect(el.shadowRoot!.querySelector('[part~="time"]')!.textContent).toContain('۱۸:۰۰');
  });

  it('shows a visible error with the light-DOM fallback link when the API cannot be reached', async () => {
    const fetcher = vi.fn(async () => {
      throw new TypeError('offline');
    });
    const el = await mount(
      { 'base-url': 'https://tocsin.example', lang: 'en' },
      fetcher as unknown as typeof fetch,
      '<a href="https://tocsin.example/">Our actions</a>',
    );
    const error = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('could not be loaded');
    expect(error.querySelector('slot')).not.toBeNull();
    expect(el.querySelector('a')!.textContent).toBe('Our actions');
  });

  it('applies the dark theme through an attribute the page can style with ::part and custom properties', async () => {
    const fetcher = vi.fn(async () => new Response(JSON.stringify({ items: [] }), { status: 200 }));
    const el = await mount(
      { 'base-url': 'https://tocsin.example', theme: 'dark', lang: 'en' },
      fetcher as unknown as typeof fetch,
    );
    expect(el.getAttribute('theme')).toBe('dark');
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).toContain('No upcoming actions');
    const css = (el.constructor as typeof TocsinEvents).styles.toString();
    expect(css).toContain('--tocsin-accent');
    expect(css).toContain(":host([theme='dark'])");
  });
});
