import { asciiDigits } from '../core/format';

/**
 * The Solar Hijri (Persian) calendar by the arithmetic 33-year rule: the rule of ICU's PersianCalendar
 * behind Intl's 'fa-IR-u-ca-persian' (so what the picker reads back is what Intl shows) and of the
 * server's SolarHijri. Tested day by day against Intl. Months and days count from 1.
 */
export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

/** Julian day numbers of 1 Farvardin 1 (ICU's PERSIAN_EPOCH) and of 1970-01-01. */
const EPOCH = 1_948_320;
const UNIX_EPOCH = 2_440_588;
const DAY_MS = 86_400_000;

const daysBefore = (month: number) => (month <= 6 ? 31 * (month - 1) : 30 * (month - 1) + 6);

/** A Gregorian ISO date ("2027-05-06") in the Solar Hijri calendar. */
export function toSolar(isoDate: string): SolarDate {
  const [y, m, d] = isoDate.split('-').map(Number);
  const days = Math.floor(Date.UTC(y, m - 1, d) / DAY_MS) + UNIX_EPOCH - EPOCH;
  const year = 1 + Math.floor((33 * days + 3) / 12053);
  const farvardin1 = 365 * (year - 1) + Math.floor((8 * year + 21) / 33);
  const dayOfYear = days - farvardin1;
  const month = (dayOfYear < 186 ? Math.floor(dayOfYear / 31) : Math.floor((dayOfYear - 6) / 30)) + 1;
  return { year, month, day: dayOfYear - daysBefore(month) + 1 };
}

/** A Solar Hijri date as a Gregorian ISO date, or undefined when there is no such day (e.g. 31 Mehr, 30 Esfand of a common year). */
export function fromSolar({ year, month, day }: SolarDate): string | undefined {
  if (![year, month, day].every(Number.isInteger) || year < 1 || month < 1 || month > 12 || day < 1 || day > 31) {
    return undefined;
  }
  const days = 365 * (year - 1) + Math.floor((8 * year + 21) / 33) + daysBefore(month) + day - 1;
  const iso = new Date((days + EPOCH - UNIX_EPOCH) * DAY_MS).toISOString().slice(0, 10);
  const back = toSolar(iso);
  return back.year === year && back.month === month && back.day === day ? iso : undefined;
}

/**
 * "۱۴۰۶/۲/۱۶", "1406-02-16" or "١٤٠٦ ٢ ١٦" (Persian, Arabic-Indic or Latin digits; any of / - . or
 * spaces between) as a Solar Hijri date; undefined when it is not one.
 */
export function parseSolar(text: string): SolarDate | undefined {
  const latin = asciiDigits(text).trim();
  const m = /^(\d{3,4})\s*[/\-.\s]\s*(\d{1,2})\s*[/\-.\s]\s*(\d{1,2})$/.exec(latin);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return fromSolar(date) ? date : undefined;
}

/** "۱۴۰۶/۰۲/۱۶": how the picker writes a date back into its field. */
export function formatSolar({ year, month, day }: SolarDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}/${two(month)}/${two(day)}`.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}
