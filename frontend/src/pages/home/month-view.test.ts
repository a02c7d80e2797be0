import { describe, expect, it } from 'vitest';
import { monthBounds, shiftMonth } from './month-view';

describe('the month view', () => {
  it('knows a month’s bounds and its neighbours', () => {
    expect(monthBounds('2027-02')).toEqual({ first: '2027-02-01', next: '2027-03-01', days: 28 });
    expect(monthBounds('2028-02').days).toBe(29);
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });
});
