import { describe, expect, it } from 'vitest';
import { beijingTimeLabel, isoWeek, monthLabel, weekLabel, weekdayLabel } from './periods.js';
import { formatYuan } from './money.js';

describe('periods', () => {
  it('numbers ISO weeks, across the turn of the year too', () => {
    expect(isoWeek('2026-11-23')).toEqual({ year: 2026, week: 48 });
    expect(isoWeek('2026-12-07')).toEqual({ year: 2026, week: 50 });
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
  });
  it('says the week and its days', () => {
    expect(weekLabel('2026-11-30', 'zh')).toBe('第49周 11月30日–12月6日');
    expect(weekLabel('2026-11-30', 'en')).toBe('Week 49, 30 Nov–6 Dec');
  });
  it('says the month, the weekday and a Beijing time', () => {
    expect(monthLabel('2026-11', 'zh')).toBe('11月');
    expect(monthLabel('2026-11-05', 'en', true)).toBe('Nov 2026');
    expect(weekdayLabel(7, 'zh')).toBe('周日');
    expect(beijingTimeLabel('2026-11-23T00:00:00Z', 'zh')).toBe('11月23日 08:00');
    expect(beijingTimeLabel('2026-11-24T09:00:00.000Z', 'en')).toBe('24 Nov 17:00');
  });
});

describe('money', () => {
  it('is written ¥1,234.50 in every language', () => {
    expect(formatYuan(1234.5)).toBe('¥1,234.50');
    expect(formatYuan(23229)).toBe('¥23,229.00');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(-3.1)).toBe('-¥3.10');
  });
});
