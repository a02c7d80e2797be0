import { describe, expect, it, vi } from 'vitest';
import './personal-feed';
import { webcalOf } from '../../shared/subscribe-panel';
import { buttonWithText, fakeFetch, freshPageEachTest, until } from '../../test/fake-api';

const ME = { id: 'u1', email: 'a@example.org', displayName: 'A', admin: false };
const URL1 = 'https://tocsin.example/feeds/private/tcr_one.ics';
const URL2 = 'https://tocsin.example/feeds/private/tcr_two.ics';

function mount() {
  const el = document.createElement('tocsin-personal-feed');
  document.body.append(el);
  return el;
}
const button = buttonWithText;

freshPageEachTest();

describe('the personal calendar feed', () => {
  it('makes an address when there is none, and shows it as webcal and https with a copy button and the privacy warning', async () => {
    const calls = fakeFetch({
      'GET /api/v1/me': () => ({ status: 200, body: { ...ME, calendarFeedUrl: null } }),
      'POST /api/v1/me/calendar-feed': () => ({
        status: 201,
        body: { url: URL1, webcal: 'webcal://tocsin.example/feeds/private/tcr_one.ics' },
      }),
    });
    const el = mount();
    await until(() => !!button(el, 'Make my calendar address'), 'the page');
    expect(el.textContent).toContain('You have no calendar address yet.');
    expect(el.textContent).toContain('This address is private');
    expect(button(el, 'Turn off')).toBeUndefined();
    button(el, 'Make my calendar address')!.click();
    await until(() => !!el.querySelector('input.feed-url'), 'the address');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/me/calendar-feed']);
    expect(el.querySelector<HTMLInputElement>('input.feed-url')!.value).toBe(URL1);
    expect(el.querySelector<HTMLAnchorElement>('a[href^="webcal:"]')!.getAttribute('href')).toBe(
      'webcal://tocsin.example/feeds/private/tcr_one.ics',
    );
    expect(button(el, 'Copy')).toBeDefined();
    // A private address goes to no third party: no Google link.
    expect(el.querySelector('a[href*="google"]')).toBeNull();
    expect(el.textContent).toContain('Your new calendar address is ready.');
  });

  it('shows the address GET /api/v1/me has, replaces it after asking, and turns it off', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const calls = fakeFetch({
      'GET /api/v1/me': () => ({ status: 200, body: { ...ME, calendarFeedUrl: URL1 } }),
      'POST /api/v1/me/calendar-feed': () => ({ status: 201, body: { url: URL2, webcal: webcalOf(URL2) } }),
      'DELETE /api/v1/me/calendar-feed': () => ({ status: 204 }),
    });
    const el = mount();
    await until(() => !!el.querySelector('input.feed-url'), 'the address');
    expect(el.querySelector<HTMLInputElement>('input.feed-url')!.value).toBe(URL1);
    expect(el.querySelector('a[href^="webcal:"]')!.getAttribute('href')).toBe(
      'webcal://tocsin.example/feeds/private/tcr_one.ics',
    );

    button(el, 'Make a new address')!.click();
    await until(() => el.querySelector<HTMLInputElement>('input.feed-url')?.value === URL2, 'the new address');
    expect(confirm).toHaveBeenCalledTimes(1);

    button(el, 'Turn off this address')!.click();
    await until(() => !el.querySelector('input.feed-url'), 'the address to go');
    expect(calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v1/me/calendar-feed',
      'DELETE /api/v1/me/calendar-feed',
    ]);
    expect(el.textContent).toContain('Your calendar address is turned off.');
    expect(button(el, 'Make my calendar address')).toBeDefined();
  });

  it('keeps the address when the person does not confirm the replacement', async () => {
    vi.stubGlobal('confirm', () => false);
    const calls = fakeFetch({ 'GET /api/v1/me': () => ({ status: 200, body: { ...ME, calendarFeedUrl: URL1 } }) });
    const el = mount();
    await until(() => !!el.querySelector('input.feed-url'), 'the address');
    button(el, 'Make a new address')!.click();
    button(el, 'Turn off this address')!.click();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(el.querySelector<HTMLInputElement>('input.feed-url')!.value).toBe(URL1);
  });
});

describe('webcalOf', () => {
  it('turns http(s) into webcal', () => {
    expect(webcalOf('https://x.example/a.ics')).toBe('webcal://x.example/a.ics');
    expect(webcalOf('http://127.0.0.1:8080/a.ics')).toBe('webcal://127.0.0.1:8080/a.ics');
  });
});
