import { describe, expect, it } from 'vitest';
import { formatSolar, fromSolar, parseSolar, toSolar } from './solar-hijri';

const PERSIAN = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** What the browser's Intl says the Persian date of a Gregorian day is. */
function intlSolar(iso: string) {
  const parts = PERSIAN.formatToParts(new Date(`${iso}T12:00:00Z`));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value.replace(/\D.*/, ''));
  return { year: get('year'), month: get('month'), day: get('day') };
}

describe('the Solar Hijri calendar', () => {
  it('agrees with Intl on every day from 2000 to 2060, both ways', () => {
    const wrong: string[] = [];
    let days = 0;
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2061, 0, 1); t += 86_400_000, days++) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const solar = toSolar(iso);
      const intl = intlSolar(iso);
      if (JSON.stringify(solar) !== JSON.stringify(intl) || fromSolar(solar) !== iso) wrong.push(iso);
    }
    expect(days).toBeGreaterThan(22_000);
    expect(wrong).toEqual([]);
  });

  it('knows Nowruz and month ends', () => {
    expect(toSolar('2027-03-21')).toEqual({ year: 1406, month: 1, day: 1 });
    expect(toSolar('2027-05-06')).toEqual({ year: 1406, month: 2, day: 16 });
    expect(fromSolar({ year: 1406, month: 7, day: 31 })).toBeUndefined();
    // 1403 is a leap year (30 Esfand exists); 1404 is not.
    expect(fromSolar({ year: 1403, month: 12, day: 30 })).toBe('2025-03-20');
    expect(fromSolar({ year: 1404, month: 12, day: 30 })).toBeUndefined();
  });

  it('reads Persian, Arabic-Indic and Latin digits, and writes Persian ones', () => {
    const may6 = { year: 1406, month: 2, day: 16 };
    expect(parseSolar('۱۴۰۶/۰۲/۱۶')).toEqual(may6);
    expect(parseSolar('١٤٠٦-٢-١٦')).toEqual(may6);
    expect(parseSolar(' 1406 2 16 ')).toEqual(may6);
    expect(parseSolar('1406/13/01')).toBeUndefined();
    expect(parseSolar('tomorrow')).toBeUndefined();
    expect(formatSolar(may6)).toBe('۱۴۰۶/۰۲/۱۶');
  });
});
