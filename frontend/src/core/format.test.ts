import { describe, expect, it } from 'vitest';
import {
  asciiDigits,
  countdown,
  formatCount,
  formatDate,
  formatGregorianDate,
  formatWhen,
  localDigits,
  localToUtc,
  parseCount,
  parseDecimal,
  zoneName,
} from './format';
import en from '../locales/en';
import fa from '../locales/fa';

describe('dates in the event’s zone', () => {
  it('shows the local wall time of the event’s zone, not the viewer’s', () => {
    // 17:00 UTC is 18:00 in Berlin in winter, and 12:00 in New York.
    const when = formatWhen('2027-01-07T17:00:00Z', '2027-01-07T18:00:00Z', 'Europe/Berlin', en, 'America/New_York');
    expect(when.local).toContain('Thursday, 7 January 2027');
    expect(when.local).toContain('18:00');
    expect(when.local).toContain('19:00');
    expect(when.viewer).toContain('12:00');
    expect(when.gregorian).toBeUndefined();
  });

  it('leaves out the viewer’s time when it is the same', () => {
    const when = formatWhen('2027-01-07T17:00:00Z', '2027-01-07T18:00:00Z', 'Europe/Berlin', en, 'Europe/Paris');
    expect(when.viewer).toBeUndefined();
  });

  it('follows daylight-saving time: an 18:00 vigil in Los Angeles stays 18:00 across the March change', () => {
    expect(
      formatWhen('2027-03-05T02:00:00Z', '2027-03-05T03:00:00Z', 'America/Los_Angeles', en, 'America/Los_Angeles')
        .local,
    ).toContain('18:00');
    expect(
      formatWhen('2027-03-19T01:00:00Z', '2027-03-19T02:00:00Z', 'America/Los_Angeles', en, 'America/Los_Angeles')
        .local,
    ).toContain('18:00');
  });

  it('names the zone', () => {
    expect(zoneName('2027-01-07T17:00:00Z', 'Asia/Tehran', en)).toMatch(/GMT\+3:30|IRST/);
  });

  it('shows a multi-day event’s end date', () => {
    const when = formatWhen('2027-01-07T17:00:00Z', '2027-01-09T17:00:00Z', 'UTC', en, 'UTC');
    expect(when.local).toMatch(/Sat,? 9 Jan/);
  });
});

describe('Persian dates', () => {
  it('use the Solar Hijri calendar with Persian digits', () => {
    // 20 May 2023 is 30 Ordibehesht 1402.
    const date = formatDate('2023-05-20T12:00:00Z', 'Asia/Tehran', fa);
    expect(date).toContain('۳۰');
    expect(date).toContain('اردیبهشت');
    expect(date).toContain('۱۴۰۲');
    expect(date).not.toMatch(/[0-9]/);
    // Weekday, day, month, year: as Persian readers expect (not ICU's year-first combined pattern).
    expect(formatDate('2026-12-03T17:00:00Z', 'Asia/Tehran', fa)).toBe('پنجشنبه ۱۲ آذر ۱۴۰۵');
  });

  it('give the Gregorian date alongside, also in Persian digits', () => {
    const g = formatGregorianDate('2023-05-20T12:00:00Z', 'Asia/Tehran', fa)!;
    expect(g).toContain('۲۰۲۳');
    expect(g).toContain('۲۰');
    expect(g).toMatch(/مه|می/);
    const when = formatWhen('2023-05-20T14:30:00Z', '2023-05-20T15:30:00Z', 'Asia/Tehran', fa, 'Asia/Tehran');
    expect(when.gregorian).toBe(g);
    expect(when.local).toContain('۱۸:۰۰'); // 14:30 UTC is 18:00 in Tehran (+03:30)
    expect(localDigits('18:05', fa)).toBe('۱۸:۰۵');
    expect(localDigits('18:05', en)).toBe('18:05');
  });
});

describe('countdown', () => {
  it('counts days, hours and minutes, and stops once started', () => {
    const now = Date.parse('2027-01-01T00:00:00Z');
    expect(countdown('2027-01-04T00:00:00Z', en, now)).toBe('in 3 days');
    expect(countdown('2027-01-01T05:00:00Z', en, now)).toBe('in 5 hours');
    expect(countdown('2027-01-01T00:20:00Z', en, now)).toBe('in 20 minutes');
    expect(countdown('2026-12-31T00:00:00Z', en, now)).toBeUndefined();
  });
});

describe('local times of a series', () => {
  it('turn into instants by the zone’s rules on that date', () => {
    expect(localToUtc('2027-01-07T18:00', 'Europe/Berlin')).toBe('2027-01-07T17:00:00.000Z');
    expect(localToUtc('2027-07-08T18:00', 'Europe/Berlin')).toBe('2027-07-08T16:00:00.000Z');
    expect(localToUtc('2027-03-18T18:00', 'America/Los_Angeles')).toBe('2027-03-19T01:00:00.000Z');
    expect(localToUtc('2027-01-07T18:00', 'Asia/Tehran')).toBe('2027-01-07T14:30:00.000Z');
  });
});

describe('digits as people type them', () => {
  it('reads Persian and Arabic-Indic digits as a count', () => {
    expect(asciiDigits('۱۸:۰۰ ٢')).toBe('18:00 2');
    expect(parseCount('۳')).toBe(3);
    expect(parseCount('٢')).toBe(2);
    expect(parseCount(' 4 ')).toBe(4);
    expect(parseCount('')).toBe(0);
  });

  it('reads a coordinate typed in Persian digits with the Arabic decimal separator, or with a comma', () => {
    expect(parseDecimal('۳۵٫۶۸۹')).toBe(35.689);
    expect(parseDecimal('٥١٫٣٨٩')).toBe(51.389);
    expect(parseDecimal(' 52,52 ')).toBe(52.52);
    expect(parseDecimal('−33.87')).toBe(-33.87);
    expect(parseDecimal('13')).toBe(13);
  });

  it('keeps what is no decimal number as typed, for the server to refuse', () => {
    expect(parseDecimal('52.5.1')).toBe('52.5.1');
    expect(parseDecimal('north')).toBe('north');
    expect(parseDecimal('1e400')).toBe('1e400');
  });

  it('keeps what is no whole number as typed, for the server to refuse', () => {
    expect(parseCount('۳.۵')).toBe('۳.۵');
    expect(parseCount('many')).toBe('many');
    expect(parseCount('۱۲۳۴')).toBe('۱۲۳۴');
  });

  it('reads longer counts when the field allows them, with or without thousands separators', () => {
    expect(parseCount('۱۲۳۴', 7)).toBe(1234);
    expect(parseCount('۱٬۰۰۰', 7)).toBe(1000);
    expect(parseCount('1,000,000', 7)).toBe(1_000_000);
    expect(parseCount('10000000', 7)).toBe('10000000');
    expect(parseCount('1,00', 7)).toBe('1,00');
  });

  it('shows a count for editing in the page’s digits without grouping, which reads back as the same count', () => {
    expect(formatCount(1000, fa)).toBe('۱۰۰۰');
    expect(formatCount(1000, en)).toBe('1000');
    expect(parseCount(formatCount(250_000, fa), 7)).toBe(250_000);
  });
});
