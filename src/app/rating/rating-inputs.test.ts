import { describe, expect, it } from 'vitest';
import { monthBounds, previousMonth } from './rating-inputs.js';

describe('month arithmetic of the rating window', () => {
  it('gives the month, the next month’s first day and a 26-week window ending with the month', () => {
    expect(monthBounds('2026-10')).toEqual({ month: '2026-10', start: '2026-10-01', end: '2026-11-01', windowStart: '2026-05-03' });
    expect(monthBounds('2026-12').end).toBe('2027-01-01');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
  });
});
