import { describe, expect, it } from 'vitest';
import { fileDay, formatDate, formatDateTime, formatFileTime, formatMoney, formatNumber } from './format.js';

describe('one format for money, figures and dates', () => {
  it('writes money as ¥ with separators and two decimals', () => {
    expect(formatMoney(1825772.7)).toBe('¥1,825,772.70');
    expect(formatMoney(3333.05)).toBe('¥3,333.05');
    expect(formatMoney(6702)).toBe('¥6,702.00');
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(-12.5)).toBe('-¥12.50');
    expect(formatNumber(123456)).toBe('123,456');
  });
  it('writes days and times in China time, not the browser locale', () => {
    expect(formatDate('2026-11-27')).toBe('2026-11-27');
    expect(formatDate('2026-11-26T16:30:00Z')).toBe('2026-11-27');
    expect(formatDateTime('2026-11-27T02:05:09Z')).toBe('2026-11-27 10:05');
    expect(formatFileTime('2026-11-26T16:05:09Z')).toBe('2026-11-27 00:05:09');
    expect(formatFileTime(null)).toBe('');
    expect(fileDay(new Date('2026-11-26T16:30:00Z'))).toBe('20261127');
  });
});
