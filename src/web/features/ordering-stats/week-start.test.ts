import { describe, expect, it } from 'vitest';
import { addWeeks, mondayOf } from './week-start.js';

describe('weeks', () => {
  it('names a week by its Monday, Sunday belonging to the week before it', () => {
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(mondayOf('2026-11-20')).toBe('2026-11-16');
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
  it('steps whole weeks across month and year ends', () => {
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2026-11-02', -1)).toBe('2026-10-26');
  });
});
