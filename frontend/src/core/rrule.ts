/** The recurrence builder's rule: "every <weekday> until <date>" as an RFC 5545 RRULE, and back. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Weekly {
  weekday: Weekday;
  until?: string; /* YYYY-MM-DD, inclusive, local */
}

/**
 * "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T235959" — UNTIL is a floating local date-time, matching the event's
 * local DTSTART (the API's start is local to its zone).
 */
export function weeklyRule(w: Weekly): string {
  let rule = `FREQ=WEEKLY;BYDAY=${w.weekday}`;
  if (w.until) rule += `;UNTIL=${w.until.replace(/-/g, '')}T235959`;
  return rule;
}

export function parseWeekly(rrule: string | undefined, start?: string): Weekly | null {
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
  const m = until ? /^(\d{4})(\d{2})(\d{2})/.exec(until) : null;
  return { weekday: day, until: m ? `${m[1]}-${m[2]}-${m[3]}` : undefined };
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
