import { describe, expect, it } from 'vitest';
import { parseWeekly, weekdayName, weekdayOf, weeklyRule } from './rrule';

describe('the recurrence builder', () => {
  it('makes "every Thursday until 1 April 2027" an RRULE and reads it back', () => {
    // RFC 5545: with a TZID'd DTSTART, UNTIL is UTC ("Z"): the end of 1 April in Berlin (summer time, +2).
    const rule = weeklyRule({ weekday: 'TH', until: '2027-04-01' }, 'Europe/Berlin');
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T215959Z');
    expect(parseWeekly(rule, undefined, 'Europe/Berlin')).toEqual({ weekday: 'TH', until: '2027-04-01' });
    expect(weeklyRule({ weekday: 'SA' }, 'Europe/Berlin')).toBe('FREQ=WEEKLY;BYDAY=SA');
  });

  it("computes UNTIL in the event's zone, whichever side of UTC it is on", () => {
    // Sydney in summer (+11): the end of 1 April local is still 1 April in UTC, 12:59:59.
    expect(weeklyRule({ weekday: 'TH', until: '2027-04-01' }, 'Australia/Sydney')).toBe(
      'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T125959Z',
    );
    // Los Angeles (-7): the end of 1 April local is 2 April in UTC; read back as 1 April.
    const la = weeklyRule({ weekday: 'TH', until: '2027-04-01' }, 'America/Los_Angeles');
    expect(la).toBe('FREQ=WEEKLY;BYDAY=TH;UNTIL=20270402T065959Z');
    expect(parseWeekly(la, undefined, 'America/Los_Angeles')?.until).toBe('2027-04-01');
    // Tehran (+3:30, no daylight saving since 2022).
    expect(weeklyRule({ weekday: 'FR', until: '2027-06-04' }, 'Asia/Tehran')).toBe(
      'FREQ=WEEKLY;BYDAY=FR;UNTIL=20270604T202959Z',
    );
    // Older rules with a local UNTIL still read as their date.
    expect(parseWeekly('FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T235959', undefined, 'Asia/Tehran')?.until).toBe(
      '2027-04-01',
    );
  });

  it('reads a weekly rule without BYDAY as the weekday of its start', () => {
    expect(parseWeekly('FREQ=WEEKLY;COUNT=8', '2026-12-03T18:00')).toEqual({ weekday: 'TH', until: undefined });
    expect(parseWeekly('FREQ=DAILY')).toBeNull();
    expect(parseWeekly('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO')).toBeNull();
  });

  it('knows weekdays', () => {
    expect(weekdayOf('2027-03-04')).toBe('TH');
    expect(weekdayOf('2027-03-07T10:00')).toBe('SU');
    expect(weekdayName('TH', 'en')).toBe('Thursday');
    expect(weekdayName('FR', 'fa-IR')).toBe('جمعه');
  });
});
