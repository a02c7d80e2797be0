import { describe, expect, it } from 'vitest';
import { GOOGLE_MAX_URL, eventIcsPath, subscribeLinks } from './subscribe-links';

const ORIGIN = 'https://tocsin.example.org';
const LONGEST_SLUG = 'a'.repeat(64); // web.Slugs: 2-64 characters

describe('subscribe links', () => {
  it('offers Outlook.com and Microsoft 365 beside Google, with the https address and the calendar name', () => {
    const links = subscribeLinks('/feeds/cities/de/berlin', ORIGIN, 'Berlin');
    expect(links.google).toBe(
      'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Ftocsin.example.org%2Ffeeds%2Fcities%2Fde%2Fberlin.ics',
    );
    expect(links.outlook).toBe(
      'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Ftocsin.example.org%2Ffeeds%2Fcities%2Fde%2Fberlin.ics&name=Berlin',
    );
    expect(links.office365).toBe(
      'https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Ftocsin.example.org%2Ffeeds%2Fcities%2Fde%2Fberlin.ics&name=Berlin',
    );
  });

  it('keeps every feed address the app makes under 256 characters for Google, even with the longest names', () => {
    const paths = [
      `/feeds/organizations/${LONGEST_SLUG}`,
      `/feeds/campaigns/${LONGEST_SLUG}`,
      `/feeds/calendars/${LONGEST_SLUG}`,
      `/feeds/tags/${encodeURIComponent('x'.repeat(40))}`, // EventRequest: tags of at most 40 characters
      `/feeds/cities/ir/${encodeURIComponent('kohgiluyeh-and-boyer-ahmad-province-city')}`,
      '/feeds/events',
    ];
    for (const path of paths) {
      const links = subscribeLinks(path, ORIGIN);
      expect(links.https.length, path).toBeLessThan(256);
      expect(links.webcal.length, path).toBeLessThanOrEqual(GOOGLE_MAX_URL);
      expect(links.google, path).toBeDefined();
    }
  });

  it('offers no Google link for an address Google would refuse, and still the others', () => {
    // A 40-character Persian tag is 240 characters percent-encoded.
    const links = subscribeLinks(`/feeds/tags/${encodeURIComponent('آزادی'.repeat(8))}`, ORIGIN);
    expect(links.webcal.length).toBeGreaterThan(GOOGLE_MAX_URL);
    expect(links.google).toBeUndefined();
    expect(links.outlook).toContain('addfromweb?url=https%3A%2F%2Ftocsin.example.org%2Ffeeds%2Ftags%2F');
  });

  it('subscribes a Persian UI to the Persian feeds, and leaves English addresses as they were', () => {
    const fa = subscribeLinks('/feeds/cities/de/berlin', ORIGIN, 'برلین', 'fa');
    expect(fa.https).toBe('https://tocsin.example.org/feeds/cities/de/berlin.ics?lang=fa');
    expect(fa.webcal).toBe('webcal://tocsin.example.org/feeds/cities/de/berlin.ics?lang=fa');
    expect(fa.json).toBe('https://tocsin.example.org/feeds/cities/de/berlin.json?lang=fa');
    expect(fa.atom).toBe('https://tocsin.example.org/feeds/cities/de/berlin.atom?lang=fa');
    expect(fa.google).toBe(
      'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Ftocsin.example.org%2Ffeeds%2Fcities%2Fde%2Fberlin.ics%3Flang%3Dfa',
    );
    expect(fa.outlook).toContain(
      'addfromweb?url=https%3A%2F%2Ftocsin.example.org%2Ffeeds%2Fcities%2Fde%2Fberlin.ics%3Flang%3Dfa&name=',
    );

    const en = subscribeLinks('/feeds/cities/de/berlin', ORIGIN, 'Berlin', 'en');
    expect(en).toEqual(subscribeLinks('/feeds/cities/de/berlin', ORIGIN, 'Berlin'));
    expect(en.https).toBe('https://tocsin.example.org/feeds/cities/de/berlin.ics');
    expect(en.atom).toBe('https://tocsin.example.org/feeds/cities/de/berlin.atom');
  });

  it("adds one event to a calendar in the UI's language", () => {
    expect(eventIcsPath('6651f0c2a7d1e24b3c9f0a12', 'fa')).toBe('/events/6651f0c2a7d1e24b3c9f0a12.ics?lang=fa');
    expect(eventIcsPath('6651f0c2a7d1e24b3c9f0a12', 'en')).toBe('/events/6651f0c2a7d1e24b3c9f0a12.ics');
  });
});
