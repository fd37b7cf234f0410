import { describe, expect, it } from 'vitest';
import { birthdayText, daysUntil, lunarDay } from './card-dates.js';

describe('card dates', () => {
  it('counts whole days to a date from the local calendar day', () => {
    const today = new Date(2026, 10, 24, 23, 30);
    expect(daysUntil('2026-11-24', today)).toBe(0);
    expect(daysUntil('2026-11-25', today)).toBe(1);
    expect(daysUntil('2027-01-01', today)).toBe(38);
    expect(daysUntil('2026-11-20', today)).toBe(-4);
  });

  it('writes lunar birthdays the traditional way', () => {
    expect(birthdayText('1975-01-15', 'lunar', 'zh')).toBe('1975 年 农历正月十五');
    expect(birthdayText('1980-12-08', 'lunar', 'zh')).toBe('1980 年 农历腊月初八');
    expect(birthdayText('1980-03-21', 'solar', 'zh')).toBe('1980 年 3 月 21 日');
    expect(birthdayText('1980-03-21', 'lunar', 'en')).toBe('1980, lunar month 3 day 21');
    expect([1, 10, 11, 20, 23, 30].map(lunarDay)).toEqual(['初一', '初十', '十一', '二十', '廿三', '三十']);
  });
});
