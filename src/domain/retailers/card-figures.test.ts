import { describe, expect, it } from 'vitest';
import { fillMonths, lastMonths, trendSlope } from './sales-trend.js';
import { nextBirthday } from './birthday.js';

describe('card figures', () => {
  it('lists the twelve full months before today, oldest first', () => {
    const months = lastMonths(new Date('2026-11-24T00:00:00Z'), 12);
    expect(months[0]).toBe('2025-11');
    expect(months[11]).toBe('2026-10');
  });

  it('fills months without orders with zero', () => {
    const filled = fillMonths(['2026-01', '2026-02'], [{ month: '2026-02', qty: 5, amount: 900, orders: 2 }]);
    expect(filled.map((m) => m.qty)).toEqual([0, 5]);
  });

  it('fits a rising and a falling trend', () => {
    expect(trendSlope([10, 12, 14, 16])).toBeCloseTo(2);
    expect(trendSlope([30, 20, 10])).toBeCloseTo(-10);
    expect(trendSlope([7])).toBe(0);
  });

  it('converts a lunar birthday to its next solar date', () => {
    // 正月初一 2027 is 6 February 2027.
    expect(nextBirthday('1970-01-01', 'lunar', new Date('2026-11-24T00:00:00Z'))).toBe('2027-02-06');
    // 八月十五 2026 (Mid-Autumn) was 25 September 2026, so the next is in 2027.
    expect(nextBirthday('1980-08-15', 'lunar', new Date('2026-09-01T00:00:00Z'))).toBe('2026-09-25');
  });

  it('gives the next solar birthday this year or next', () => {
    expect(nextBirthday('1975-12-01', 'solar', new Date('2026-11-24T00:00:00Z'))).toBe('2026-12-01');
    expect(nextBirthday('1975-03-01', 'solar', new Date('2026-11-24T00:00:00Z'))).toBe('2027-03-01');
  });
});
