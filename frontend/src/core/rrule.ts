/** The recurrence builder's rule: "every <weekday> until <date>" as an RFC 5545 RRULE, and back. */
import { localToUtc } from './format';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Weekly {
  weekday: Weekday;
  until?: string; /* YYYY-MM-DD, inclusive, local */
}

/**
 * "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T215959Z": the end of the last day in the event's zone, as UTC.
 * RFC 5545 requires UNTIL in UTC when DTSTART has a TZID, which every Tocsin event's has; a local UNTIL
 * is read differently (or refused) by calendar apps.
 */
export function weeklyRule(w: Weekly, timeZone: string): string {
  let rule = `FREQ=WEEKLY;BYDAY=${w.weekday}`;
  if (w.until) rule += `;UNTIL=${untilUtc(w.until, timeZone)}`;
  return rule;
}

/** 23:59:59 on a local date in a zone, as an RFC 5545 UTC date-time ("20270401T215959Z"). */
function untilUtc(date: string, timeZone: string): string {
  const end = new Date(Date.parse(localToUtc(`${date}T23:59`, timeZone)) + 59_000);
  return end
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The local date (YYYY-MM-DD) in a zone of an RFC 5545 UTC date-time. */
function localDateOf(utc: string, timeZone: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(utc);
  if (!m) return `${utc.slice(0, 4)}-${utc.slice(4, 6)}-${utc.slice(6, 8)}`;
  const instant = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** The builder's view of a rule; a UTC UNTIL is shown as its date in the event's zone. */
export function parseWeekly(rrule: string | undefined, start?: string, timeZone = 'UTC'): Weekly | null {
  if (!rrule) return null;
  const parts = new Map(
    rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  if (parts.get('FREQ') !== 'WEEKLY' || (parts.get('INTERVAL') ?? '1') !== '1') return null;
  // Without BYDAY a weekly rule repeats on the weekday of its start.
  const day = ((parts.get('BYDAY') ?? '').split(',')[0] || (start ? weekdayOf(start) : '')) as Weekday;
  if (!WEEKDAYS.includes(day)) return null;
  const until = parts.get('UNTIL');
  if (!until || !/^\d{8}/.test(until)) return { weekday: day, until: undefined };
  return { weekday: day, until: localDateOf(until, timeZone) };
}

/** The weekday (MO…SU) of a local date "YYYY-MM-DD" or date-time "YYYY-MM-DDTHH:mm". */
export function weekdayOf(localDate: string): Weekday {
  const [y, m, d] = localDate.slice(0, 10).split('-').map(Number);
  const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(js + 6) % 7];
}

/** The weekday's name in a locale (2024-01-01 was a Monday). */
export function weekdayName(day: Weekday, intl: string): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(intl, { weekday: 'long', timeZone: 'UTC' }).format(date);
}
