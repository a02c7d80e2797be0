/** Dates, times and numbers through Intl: the event's own zone first, the viewer's zone second. */
import type { DateStyle } from '../locales/en';

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'long' };
const SHORT_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

function fmt(intl: string, zone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(intl, { ...opts, timeZone: zone });
  } catch {
    return new Intl.DateTimeFormat(intl, opts); // an unknown zone: the viewer's, rather than nothing
  }
}

/**
 * "Thursday, 4 March 2027" in the zone and the locale's calendar (Solar Hijri for fa: "پنجشنبه ۱۳ اسفند ۱۴۰۵").
 * Weekday and date are formatted apart: ICU's combined Persian pattern puts the year first.
 */
export function formatDate(iso: string, zone: string, loc: DateStyle, short = false, intl = loc.intl): string {
  const d = new Date(iso);
  if (short) return fmt(intl, zone, SHORT_DATE).format(d);
  return `${fmt(intl, zone, WEEKDAY).format(d)}${loc.weekdaySeparator}${fmt(intl, zone, DAY).format(d)}`;
}

/** The same day in the Gregorian calendar, for languages whose own calendar is another (fa); else undefined. */
export function formatGregorianDate(iso: string, zone: string, loc: DateStyle): string | undefined {
  return loc.gregorianIntl ? formatDate(iso, zone, loc, false, loc.gregorianIntl) : undefined;
}

export function formatTime(iso: string, zone: string, loc: DateStyle): string {
  return fmt(loc.intl, zone, TIME).format(new Date(iso));
}

/** The short name of a zone at an instant, e.g. "GMT+3:30" or "PST". */
export function zoneName(iso: string, zone: string, loc: DateStyle): string {
  const part = fmt(loc.intl, zone, { timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function offsetMinutes(iso: string, zone: string): number {
  const d = new Date(iso);
  const parts = fmt('en-US', zone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - d.getTime()) / 60000);
}

export interface When {
  /** Date and time range in the event's zone, with the zone's name. */
  local: string;
  /** The Gregorian date alongside, for non-Gregorian locales. */
  gregorian?: string;
  /** The same times in the viewer's zone, when that differs from the event's. */
  viewer?: string;
}

/** The instant of a local date-time ("2027-03-04T18:00") in a zone. */
export function localToUtc(local: string, zone: string): string {
  const [d, t = '00:00'] = local.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [h, min] = t.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, day, h, min);
  let guess = wall - offsetMinutes(new Date(wall).toISOString(), zone) * 60000;
  guess = wall - offsetMinutes(new Date(guess).toISOString(), zone) * 60000;
  return new Date(guess).toISOString();
}

/** When an event happens, as people read it: its own zone, and the viewer's when different. */
export function formatWhen(
  startUtc: string,
  endUtc: string,
  zone: string,
  loc: DateStyle,
  viewer = viewerZone(),
): When {
  const range = (z: string) => {
    const sameDay = formatDate(startUtc, z, loc) === formatDate(endUtc, z, loc);
    const end = sameDay
      ? formatTime(endUtc, z, loc)
      : `${formatDate(endUtc, z, loc, true)}${loc.separator}${formatTime(endUtc, z, loc)}`;
    return `${formatDate(startUtc, z, loc)}${loc.separator}${formatTime(startUtc, z, loc)} – ${end} (${zoneName(startUtc, z, loc)})`;
  };
  const when: When = { local: range(zone), gregorian: formatGregorianDate(startUtc, zone, loc) };
  if (viewer && viewer !== zone && offsetMinutes(startUtc, viewer) !== offsetMinutes(startUtc, zone))
    when.viewer = range(viewer);
  return when;
}

/** "in 3 days", "in 5 hours" (or undefined once it has started). */
export function countdown(startUtc: string, loc: DateStyle, now = Date.now()): string | undefined {
  const ms = new Date(startUtc).getTime() - now;
  if (ms <= 0) return undefined;
  const rtf = new Intl.RelativeTimeFormat(loc.intl, { numeric: 'auto' });
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}

export function formatNumber(n: number, loc: DateStyle): string {
  return new Intl.NumberFormat(loc.intl).format(n);
}

/** A country's name from its ISO code, in the locale ("DE" → "Germany" / "آلمان"). */
export function countryName(code: string, loc: DateStyle): string {
  try {
    return new Intl.DisplayNames([loc.intl], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The IANA zones this browser knows, for the zone picker. */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC'];
}

/** Digits in the locale's numbering system ("18:00" → "۱۸:۰۰" in Persian). */
export function localDigits(text: string, loc: DateStyle): string {
  const nf = new Intl.NumberFormat(loc.intl, { useGrouping: false });
  return text.replace(/\d/g, (d) => nf.format(Number(d)));
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as ASCII ones, so "۳" typed in a number field means 3. */
export function asciiDigits(text: string): string {
  return text
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/**
 * A count typed in any of those digits: the number, 0 when empty, or the text as typed when it is no whole number
 * (the server then refuses it, naming the field, instead of the count being silently dropped).
 */
export function parseCount(text: string, maxDigits = 3): number | string {
  // Thousands separators as the page showed or a person typed them ("۱٬۰۰۰", "1,000") are no part of the count.
  const ascii = asciiDigits(text)
    .trim()
    .replace(/(?<=\d)[,\u066C](?=\d{3}(\D|$))/g, '');
  if (ascii === '') return 0;
  return new RegExp(`^\\d{1,${maxDigits}}$`).test(ascii) ? Number(ascii) : text;
}

/**
 * A decimal number (a latitude, a longitude) typed in any of those digits, with "." or the Arabic decimal separator
 * "٫" (or a comma, as many write it): the number, or the text as typed when it is none, so the server refuses it
 * naming the field instead of it being dropped.
 */
export function parseDecimal(text: string): number | string {
  const ascii = asciiDigits(text)
    .trim()
    .replace(/[\u066B,]/g, '.')
    .replace(/^\u2212/, '-');
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(ascii) ? Number(ascii) : text;
}

/** A count as a field shows it for editing: the page's digits, no grouping (what `parseCount` reads back). */
export function formatCount(n: number, loc: DateStyle): string {
  return new Intl.NumberFormat(loc.intl, { useGrouping: false }).format(n);
}
