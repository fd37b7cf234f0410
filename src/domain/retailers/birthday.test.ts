import { describe, expect, it } from 'vitest';
import { isValidBirthday, nextBirthday } from './birthday.js';

describe('isValidBirthday', () => {
  it('a solar birthday must exist in the calendar', () => {
    expect(isValidBirthday('1971-02-28', 'solar')).toBe(true);
    expect(isValidBirthday('1972-02-29', 'solar')).toBe(true);
    expect(isValidBirthday('1971-02-29', 'solar')).toBe(false);
    expect(isValidBirthday('1971-02-30', 'solar')).toBe(false);
    expect(isValidBirthday('1971-04-31', 'solar')).toBe(false);
  });
  it('a lunar birthday may be the 30th of any month, never the 31st or a 13th month', () => {
    expect(isValidBirthday('1971-02-30', 'lunar')).toBe(true);
    expect(isValidBirthday('1971-12-30', 'lunar')).toBe(true);
    expect(isValidBirthday('1971-02-31', 'lunar')).toBe(false);
    expect(isValidBirthday('1971-13-01', 'lunar')).toBe(false);
    expect(isValidBirthday('1971-1-01', 'lunar')).toBe(false);
  });
  it('a lunar 30th in a 29-day month is celebrated on its last day', () => {
    expect(nextBirthday('1971-02-30', 'lunar', new Date('2026-01-01T00:00:00+08:00'))).toMatch(/^2026-0[34]-\d\d$/);
  });
});
