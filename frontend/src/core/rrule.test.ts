import { describe, expect, it } from 'vitest';
import { parseWeekly, weekdayName, weekdayOf, weeklyRule } from './rrule';

describe('the recurrence builder', () => {
  it('makes "every Thursday until 1 April 2027" an RRULE and reads it back', () => {
    const rule = weeklyRule({ weekday: 'TH', until: '2027-04-01' });
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T235959');
    expect(parseWeekly(rule)).toEqual({ weekday: 'TH', until: '2027-04-01' });
    expect(weeklyRule({ weekday: 'SA' })).toBe('FREQ=WEEKLY;BYDAY=SA');
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
