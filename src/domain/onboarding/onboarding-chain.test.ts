import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_PERIODS, makeWorkingCalendar } from '../calendar/working-time.js';
import { median, percentile, stepClock, stepState, workingDaysTaken } from './onboarding-chain.js';

const cal = makeWorkingCalendar({ periods: [...DEFAULT_BUSINESS_PERIODS] });
const sh = (s: string) => new Date(`${s}+08:00`);

describe('onboarding step clock', () => {
  it('is due at closing N working days on and warns at 75 % of the working time', () => {
    // Monday 2026-11-23 08:30, 3 working days: due Thursday 17:30; 4 × 7.5 h = 1800 min, 75 % = 1350 min → Wednesday 17:30.
    const c = stepClock(cal, sh('2026-11-23T08:30'), 3);
    expect(c.dueAt).toEqual(sh('2026-11-26T17:30'));
    expect(c.warnAt).toEqual(sh('2026-11-25T17:30'));
  });

  it('skips 国庆 2026 and counts the make-up Saturday 10-10', () => {
    expect(stepClock(cal, sh('2026-09-30T10:00'), 2).dueAt).toEqual(sh('2026-10-09T17:30'));
    expect(stepClock(cal, sh('2026-10-09T10:00'), 1).dueAt).toEqual(sh('2026-10-10T17:30'));
  });

  it('states follow the times', () => {
    const c = stepClock(cal, sh('2026-11-23T08:30'), 3);
    const open = { ...c, completedAt: null };
    expect(stepState({ startedAt: null, warnAt: null, dueAt: null, completedAt: null }, sh('2026-11-23T09:00'))).toBe('waiting');
    expect(stepState(open, sh('2026-11-24T09:00'))).toBe('open');
    expect(stepState(open, sh('2026-11-26T09:00'))).toBe('warning');
    expect(stepState(open, sh('2026-11-26T17:30'))).toBe('breached');
    expect(stepState({ ...c, completedAt: sh('2026-11-26T17:00') }, sh('2026-12-01T09:00'))).toBe('done');
    expect(stepState({ ...c, completedAt: sh('2026-11-27T09:00') }, sh('2026-12-01T09:00'))).toBe('done_late');
  });

  it('measures working days taken and their median / 90th percentile', () => {
    expect(workingDaysTaken(cal, sh('2026-11-23T08:30'), sh('2026-11-24T12:00'))).toBeCloseTo(1 + 210 / 450, 2);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 90)).toBe(5);
  });
});
