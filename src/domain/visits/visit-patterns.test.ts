import { describe, expect, it } from 'vitest';
import { cycleOf, isoWeekday, localDate, workingDays } from './visit-cycle.js';
import { allowedPatterns, precedingWeekdays } from './visit-patterns.js';

const WEEKDAYS = [1, 2, 3, 4, 5];
const days = workingDays('2026-11-16', 4, WEEKDAYS);

describe('visit cycles', () => {
  it('counts four-week cycles from the anchor Monday and lists their working days', () => {
    expect(cycleOf('2026-11-24', '2026-01-05', 4)).toEqual({ start: '2026-11-09', end: '2026-12-06' });
    expect(cycleOf('2026-11-09', '2026-01-05', 4).start).toBe('2026-11-09');
    expect(cycleOf('2026-11-08', '2026-01-05', 4).start).toBe('2026-10-12');
    expect(days).toHaveLength(20);
    expect(days.every((d) => d.weekday <= 5)).toBe(true);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });

  it('takes the local date in China, not UTC', () => {
    expect(localDate(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });
});

describe('allowed patterns', () => {
  it('puts weekly visits on the same weekday each week, before the order day', () => {
    const { patterns } = allowedPatterns(4, days, 3, 'precede', WEEKDAYS);
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) {
      expect(p.map((d) => d % 5)).toEqual(Array(4).fill(p[0] % 5));
      expect([1, 2]).toContain(days[p[0]].weekday);
    }
  });

  it('wraps to the week before for a Monday order day', () => {
    expect(precedingWeekdays(1, WEEKDAYS)).toEqual([5, 4]);
    expect(precedingWeekdays(6, [1, 2, 3, 4, 5, 6])).toEqual([5, 4]);
  });

  it('keeps visits off the order day under avoid, and spaces them evenly', () => {
    const { patterns } = allowedPatterns(2, days, 2, 'avoid', WEEKDAYS);
    for (const p of patterns) {
      expect(p.every((d) => days[d].weekday !== 2)).toBe(true);
      expect(p[1] - p[0]).toBe(10);
    }
    expect(allowedPatterns(1, days, 2, 'any', WEEKDAYS).patterns).toHaveLength(20);
  });

  it('falls back to avoid when no pattern precedes the order day', () => {
    // Three visits in 20 days cannot all fall on the same two weekdays.
    const res = allowedPatterns(3, days, 4, 'precede', WEEKDAYS);
    expect(res.relaxed).toBe(true);
    for (const p of res.patterns) expect(p.every((d) => days[d].weekday !== 4)).toBe(true);
  });
});
